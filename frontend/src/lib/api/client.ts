import createClient, { type Middleware } from "openapi-fetch";
import { readCookie } from "../cookies";
import type { paths } from "./schema";

const CSRF_COOKIE = "csrftoken";
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS", "TRACE"]);
export const IDEMPOTENCY_HEADER = "Idempotency-Key";

/**
 * Django's CSRF check wants the csrftoken cookie echoed in X-CSRFToken on every
 * unsafe request. The cookie is read per request because Django rotates it at
 * login. When it is missing (first visit), GET /api/auth/csrf/ sets it.
 */
async function csrfToken(): Promise<string | null> {
  const fromCookie = readCookie(CSRF_COOKIE);
  if (fromCookie) return fromCookie;
  const response = await globalThis.fetch(new URL("/api/auth/csrf/", window.location.origin), {
    credentials: "same-origin",
    headers: { Accept: "application/json" },
  });
  if (!response.ok) return null;
  const body: unknown = await response.json().catch(() => null);
  const fromBody =
    typeof body === "object" && body !== null && "csrfToken" in body ? body.csrfToken : null;
  return readCookie(CSRF_COOKIE) ?? (typeof fromBody === "string" ? fromBody : null);
}

const csrfMiddleware: Middleware = {
  async onRequest({ request }) {
    if (SAFE_METHODS.has(request.method.toUpperCase())) return undefined;
    const token = await csrfToken();
    if (token) request.headers.set("X-CSRFToken", token);
    return request;
  },
};

/**
 * One Idempotency-Key per call, that is per user action: when the answer to a write is lost on
 * the way back, the retry below sends the same key and the server answers what it stored the
 * first time instead of writing again (see the README).
 */
const idempotencyMiddleware: Middleware = {
  onRequest({ request }) {
    if (SAFE_METHODS.has(request.method.toUpperCase())) return undefined;
    if (!request.headers.has(IDEMPOTENCY_HEADER)) {
      request.headers.set(IDEMPOTENCY_HEADER, crypto.randomUUID());
    }
    return request;
  },
};

/**
 * fetch, sending a write once more when the network failed before an answer arrived (fetch
 * rejects with a TypeError). The copy carries the same Idempotency-Key, so a write that did
 * reach the server is not repeated.
 */
async function fetchRetryingLostWrites(request: Request): Promise<Response> {
  const unsafe = !SAFE_METHODS.has(request.method.toUpperCase());
  const retry = unsafe && request.headers.has(IDEMPOTENCY_HEADER) ? request.clone() : null;
  try {
    return await globalThis.fetch(request);
  } catch (error) {
    if (retry === null || !(error instanceof TypeError)) throw error;
    return globalThis.fetch(retry);
  }
}

export const api = createClient<paths>({
  // Absolute so that Request() also accepts it outside a browser (tests).
  baseUrl: window.location.origin,
  credentials: "same-origin",
  headers: { Accept: "application/json" },
  // Looked up per call, not captured once, so a stubbed fetch is honoured.
  fetch: fetchRetryingLostWrites,
});
api.use(csrfMiddleware, idempotencyMiddleware);
