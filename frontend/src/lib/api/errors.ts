/**
 * Every API error has the body {"detail", "code", "fields"?}. Bodies that do not
 * (a proxy's HTML 502, a network failure) are normalised to the same shape so
 * components only ever render ApiError.
 */
export type ApiErrorBody = {
  detail: string;
  code: string;
  fields?: Record<string, string[]>;
};

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: Record<string, string[]>;

  constructor(status: number, body: ApiErrorBody) {
    super(body.detail);
    this.name = "ApiError";
    this.status = status;
    this.code = body.code;
    this.fields = body.fields ?? {};
  }

  /** Messages for one form field, or an empty list. */
  fieldErrors(field: string): string[] {
    return this.fields[field] ?? [];
  }
}

function isStringArrayRecord(value: unknown): value is Record<string, string[]> {
  if (typeof value !== "object" || value === null) return false;
  return Object.values(value).every(
    (messages) => Array.isArray(messages) && messages.every((m) => typeof m === "string"),
  );
}

export function toApiError(status: number, body: unknown): ApiError {
  if (typeof body === "object" && body !== null) {
    const { detail, code, fields } = body as Record<string, unknown>;
    if (typeof detail === "string") {
      return new ApiError(status, {
        detail,
        code: typeof code === "string" ? code : "error",
        ...(isStringArrayRecord(fields) ? { fields } : {}),
      });
    }
  }
  return new ApiError(status, {
    detail: `The server answered with an unexpected error (HTTP ${status}).`,
    code: "unexpected_response",
  });
}

type FetchResult<T> = { data?: T; error?: unknown; response: Response };

/**
 * Turns an openapi-fetch result into its data, or throws ApiError, so TanStack
 * Query sees failures as errors.
 */
export function unwrap<T>(result: FetchResult<T>): T {
  const { data, error, response } = result;
  if (!response.ok) throw toApiError(response.status, error);
  return data as T;
}
