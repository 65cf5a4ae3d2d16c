import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { Role } from "../lib/api/types";
import { stubApi, users } from "../test/http";
import { renderApp } from "../test/renderApp";

function signedInAs(me: { id: number; username: string; roles: readonly Role[] }) {
  return stubApi({
    "GET /api/auth/me/": { body: me },
    "GET /api/work/": { body: { results: [] } },
    "POST /api/auth/logout/": { status: 204 },
  });
}

async function navLinkNames(): Promise<string[]> {
  const nav = await screen.findByRole("navigation", { name: "Main" });
  return within(nav)
    .getAllByRole("link")
    .map((link) => link.textContent ?? "");
}

describe("navigation", () => {
  it("shows raters Home, Profile and Principles", async () => {
    signedInAs(users.rater);
    renderApp("/");
    expect(await navLinkNames()).toEqual(["Home", "Profile", "Principles", "Judge debates"]);
  });

  it("adds the research pages for researchers who also rate", async () => {
    signedInAs(users.researcher);
    renderApp("/");
    expect(await navLinkNames()).toEqual([
      "Home",
      "Profile",
      "Principles",
      "Judge debates",
      "Playground",
      "Models",
      "Training",
      "Snapshots",
      "Policies",
      "Campaigns",
      "Debates",
      "Debate analytics",
      "Studies",
      "Rater trust",
      "Polis import",
      "Audit log",
      "Webhooks",
    ]);
  });

  it("offers a researcher who is no rater no judging", async () => {
    signedInAs({ id: 4, username: "rhea", roles: ["researcher"] });
    renderApp("/");
    const names = await navLinkNames();
    expect(names).not.toContain("Judge debates");
    expect(names).toContain("Audit log");
  });

  it("gives admins what their role allows: no campaigns, Polis import or judging", async () => {
    signedInAs(users.admin);
    renderApp("/");
    expect(await navLinkNames()).toEqual([
      "Home",
      "Profile",
      "Principles",
      "Playground",
      "Models",
      "Training",
      "Snapshots",
      "Policies",
      "Debates",
      "Debate analytics",
      "Studies",
      "Rater trust",
      "Audit log",
      "Webhooks",
    ]);
  });

  it("keeps a researcher who is no rater out of judging typed into the address bar", async () => {
    signedInAs({ id: 4, username: "rhea", roles: ["researcher"] });
    renderApp("/debates/judge");
    expect(await screen.findByRole("heading", { name: "Not available" })).toBeInTheDocument();
  });

  it("keeps raters out of researcher pages typed into the address bar", async () => {
    signedInAs(users.rater);
    renderApp("/models");
    expect(await screen.findByRole("heading", { name: "Not available" })).toBeInTheDocument();
  });

  it("shows the username and signs out back to the login form", async () => {
    const http = signedInAs(users.researcher);
    const { user } = renderApp("/");

    expect(await screen.findByText("rosa")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Sign out" }));

    expect(await screen.findByRole("button", { name: "Sign in" })).toBeInTheDocument();
    expect(http.calls("POST /api/auth/logout/")).toHaveLength(1);
    expect(screen.queryByText("rosa")).not.toBeInTheDocument();
  });
});
