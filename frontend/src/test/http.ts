import { vi } from "vitest";

/**
 * A fetch stub at the network boundary: routes "METHOD /path/" to canned JSON
 * replies and records every request, so tests exercise the real API client.
 */
export type Reply = { status?: number; body?: unknown };
export type Route = Reply | ((request: RecordedRequest) => Reply);

export type RecordedRequest = {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: Headers;
  credentials: RequestCredentials;
  body: unknown;
};

const defaults: Record<string, Route> = {
  "GET /api/auth/csrf/": { body: { csrfToken: "csrf-from-endpoint" } },
};

export function stubApi(routes: Record<string, Route>) {
  const requests: RecordedRequest[] = [];
  const table = { ...defaults, ...routes };

  const fetchStub = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const request =
      input instanceof Request ? input : new Request(new URL(String(input), window.location.origin), init);
    const url = new URL(request.url);
    const text = await request.clone().text();
    const recorded: RecordedRequest = {
      method: request.method,
      path: url.pathname,
      query: url.searchParams,
      headers: request.headers,
      credentials: request.credentials,
      body: text ? (JSON.parse(text) as unknown) : undefined,
    };
    requests.push(recorded);

    const route = table[`${request.method} ${url.pathname}`];
    const reply: Reply = route
      ? typeof route === "function"
        ? route(recorded)
        : route
      : { status: 404, body: { detail: `No stub for ${request.method} ${url.pathname}`, code: "not_found" } };
    const status = reply.status ?? 200;
    const hasBody = status !== 204 && reply.body !== undefined;
    return new Response(hasBody ? JSON.stringify(reply.body) : null, {
      status,
      headers: hasBody ? { "Content-Type": "application/json" } : {},
    });
  });
  vi.stubGlobal("fetch", fetchStub);

  return {
    requests,
    /** Requests for one "METHOD /path/". */
    calls: (key: string) => requests.filter((r) => `${r.method} ${r.path}` === key),
  };
}

export const users = {
  rater: { id: 1, username: "rita", roles: ["rater"] },
  researcher: { id: 2, username: "rosa", roles: ["rater", "researcher"] },
  admin: { id: 3, username: "ada", roles: ["admin"] },
} as const;

export const signedOut: Route = {
  status: 401,
  body: { detail: "Authentication credentials were not provided.", code: "not_authenticated" },
};
