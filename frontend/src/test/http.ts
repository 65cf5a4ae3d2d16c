import { File as NodeFile } from "node:buffer";
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
  // The profile page shows the person's trust scores; most people have none yet.
  "GET /api/me/trust/": { body: [] },
};

/** A multipart part as recorded: fields as strings, files by name and text. */
export type RecordedFile = { name: string; text: string };

/** JSON bodies are parsed; multipart bodies become an object of their parts. */
async function recordBody(request: Request): Promise<unknown> {
  if (request.headers.get("Content-Type")?.startsWith("multipart/form-data")) {
    const parts: Record<string, string | RecordedFile> = {};
    for (const [key, value] of (await request.clone().formData()).entries()) {
      parts[key] = typeof value === "string" ? value : { name: value.name, text: await value.text() };
    }
    return parts;
  }
  const text = await request.clone().text();
  return text ? (JSON.parse(text) as unknown) : undefined;
}

export function stubApi(routes: Record<string, Route>) {
  const requests: RecordedRequest[] = [];
  const table = { ...defaults, ...routes };

  const fetchStub = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const request =
      input instanceof Request ? input : new Request(new URL(String(input), window.location.origin), init);
    const url = new URL(request.url);
    const recorded: RecordedRequest = {
      method: request.method,
      path: url.pathname,
      query: url.searchParams,
      headers: request.headers,
      credentials: request.credentials,
      body: await recordBody(request),
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

/**
 * jsdom's FormData and File cannot be sent through Node's Request (they lack
 * the stream() it reads), so a multipart test swaps in Node's FormData for the
 * test and uploads files made with the File this returns.
 */
export async function nodeMultipart(): Promise<typeof File> {
  const parsed = await new Response("probe=1", {
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
  }).formData();
  vi.stubGlobal("FormData", parsed.constructor);
  return NodeFile as unknown as typeof File;
}
