import { describe, expect, it } from "vitest";
import { stubApi } from "../../test/http";
import { api } from "./client";

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
});
