import { describe, expect, it } from "vitest";
import { stubApi } from "../../test/http";
import { IDEMPOTENCY_HEADER, api } from "./client";

describe("api client", () => {
  it("sends the csrftoken cookie as X-CSRFToken on POST, with same-origin credentials", async () => {
    document.cookie = "csrftoken=cookie-token; path=/";
    const http = stubApi({ "POST /api/auth/logout/": { status: 204 } });

    const { response } = await api.POST("/api/auth/logout/");

    expect(response.status).toBe(204);
    const [post] = http.calls("POST /api/auth/logout/");
    expect(post?.headers.get("X-CSRFToken")).toBe("cookie-token");
    expect(post?.credentials).toBe("same-origin");
    // The cookie was there, so no extra round trip for a token.
    expect(http.calls("GET /api/auth/csrf/")).toHaveLength(0);
  });

  it("fetches a token from /api/auth/csrf/ first when the cookie is missing", async () => {
    const http = stubApi({ "POST /api/auth/logout/": { status: 204 } });

    await api.POST("/api/auth/logout/");

    expect(http.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      "GET /api/auth/csrf/",
      "POST /api/auth/logout/",
    ]);
    expect(http.calls("POST /api/auth/logout/")[0]?.headers.get("X-CSRFToken")).toBe(
      "csrf-from-endpoint",
    );
  });

  it("does not send the CSRF header on GET", async () => {
    document.cookie = "csrftoken=cookie-token; path=/";
    const http = stubApi({ "GET /api/work/": { body: { results: [] } } });

    await api.GET("/api/work/");

    expect(http.calls("GET /api/work/")[0]?.headers.has("X-CSRFToken")).toBe(false);
  });

  it("sends a new Idempotency-Key with each write, none with a read", async () => {
    document.cookie = "csrftoken=cookie-token; path=/";
    const http = stubApi({
      "POST /api/auth/logout/": { status: 204 },
      "GET /api/work/": { body: { results: [] } },
    });

    await api.POST("/api/auth/logout/");
    await api.POST("/api/auth/logout/");
    await api.GET("/api/work/");

    const keys = http.calls("POST /api/auth/logout/").map((r) => r.headers.get(IDEMPOTENCY_HEADER));
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[1]).not.toBe(keys[0]);
    expect(http.calls("GET /api/work/")[0]?.headers.has(IDEMPOTENCY_HEADER)).toBe(false);
  });

  it("sends a write again with the same key when its answer was lost", async () => {
    document.cookie = "csrftoken=cookie-token; path=/";
    let attempts = 0;
    const http = stubApi({
      "POST /api/auth/logout/": () => {
        attempts += 1;
        if (attempts === 1) throw new TypeError("Failed to fetch");
        return { status: 204 };
      },
    });

    const { response } = await api.POST("/api/auth/logout/");

    expect(response.status).toBe(204);
    const [first, retry] = http.calls("POST /api/auth/logout/");
    expect(retry?.headers.get(IDEMPOTENCY_HEADER)).toBe(first?.headers.get(IDEMPOTENCY_HEADER));
    expect(retry?.headers.get("X-CSRFToken")).toBe("cookie-token");
  });
});
