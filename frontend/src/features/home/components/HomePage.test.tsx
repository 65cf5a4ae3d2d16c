import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { stubApi, users } from "../../../test/http";
import { renderApp } from "../../../test/renderApp";

describe("home", () => {
  it("lists the work waiting for the rater", async () => {
    stubApi({
      "GET /api/auth/me/": { body: users.rater },
      "GET /api/work/": {
        body: {
          results: [
            { kind: "debate", title: "Judge debates", description: "Pick the more honest answer.", url: "/debates/", count: 3 },
            { kind: "hazard", title: "Label hazards", description: "Tag risky outputs.", url: "/hazards/", count: 1 },
          ],
        },
      },
    });
    renderApp("/");

    expect(await screen.findByRole("heading", { level: 1, name: "Your work" })).toBeInTheDocument();
    const list = await screen.findByRole("list", { name: "Available work" });
    const items = within(list).getAllByRole("listitem");
    expect(items).toHaveLength(2);
    expect(within(items[0]!).getByRole("link", { name: "Judge debates" })).toHaveAttribute("href", "/debates/");
    expect(items[0]).toHaveTextContent("Pick the more honest answer.");
    expect(items[0]).toHaveTextContent("3 items waiting");
    expect(items[1]).toHaveTextContent("1 item waiting");
    expect(screen.queryByText("No work is waiting for you right now.")).not.toBeInTheDocument();
  });

  it("says so when there is no work", async () => {
    stubApi({
      "GET /api/auth/me/": { body: users.rater },
      "GET /api/work/": { body: { results: [] } },
    });
    renderApp("/");

    expect(await screen.findByText("No work is waiting for you right now.")).toBeInTheDocument();
    expect(screen.queryByRole("list", { name: "Available work" })).not.toBeInTheDocument();
  });

  it("shows the error when work cannot be loaded", async () => {
    stubApi({
      "GET /api/auth/me/": { body: users.rater },
      "GET /api/work/": { status: 503, body: { detail: "Work is unavailable.", code: "unavailable" } },
    });
    renderApp("/");

    expect(await screen.findByRole("alert")).toHaveTextContent("Work is unavailable.");
  });
});
