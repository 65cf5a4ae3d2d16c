import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { signedOut, stubApi, users } from "../../../test/http";
import { renderApp } from "../../../test/renderApp";

describe("login", () => {
  it("redirects a signed-out visitor to the login form", async () => {
    stubApi({ "GET /api/auth/me/": signedOut });
    renderApp("/profile");

    expect(await screen.findByRole("button", { name: "Sign in" })).toBeInTheDocument();
    expect(screen.getByLabelText("Username")).toBeInTheDocument();
    expect(screen.queryByRole("heading", { name: "Your profile" })).not.toBeInTheDocument();
  });

  it("submits the credentials and shows the server's error message from a 400", async () => {
    const http = stubApi({
      "GET /api/auth/me/": signedOut,
      "POST /api/auth/login/": {
        status: 400,
        body: { detail: "Unable to sign in with those credentials.", code: "invalid_credentials" },
      },
    });
    const { user } = renderApp("/login");

    await user.type(await screen.findByLabelText("Username"), "rita");
    await user.type(screen.getByLabelText("Password"), "wrong");
    await user.click(screen.getByRole("button", { name: "Sign in" }));

    expect(await screen.findByRole("alert")).toHaveTextContent(
      "Unable to sign in with those credentials.",
    );
    expect(http.calls("POST /api/auth/login/")[0]?.body).toEqual({
      username: "rita",
      password: "wrong",
    });
    expect(screen.getByLabelText("Username")).toBeInTheDocument();
  });

  it("shows field errors next to their inputs", async () => {
    stubApi({
      "GET /api/auth/me/": signedOut,
      "POST /api/auth/login/": {
        status: 400,
        body: { detail: "Invalid input.", code: "invalid", fields: { password: ["This field may not be blank."] } },
      },
    });
    const { user } = renderApp("/login");

    await user.type(await screen.findByLabelText("Username"), "rita");
    await user.click(screen.getByRole("button", { name: "Sign in" }));

    const password = screen.getByLabelText("Password");
    expect(await screen.findByText("This field may not be blank.")).toBeInTheDocument();
    expect(password).toHaveAttribute("aria-invalid", "true");
    expect(password).toHaveAccessibleDescription("This field may not be blank.");
  });

  it("lands on the page the visitor asked for after signing in", async () => {
    stubApi({
      "GET /api/auth/me/": signedOut,
      "POST /api/auth/login/": { body: users.rater },
      "GET /api/work/": { body: { results: [] } },
    });
    const { user } = renderApp("/");

    await user.type(await screen.findByLabelText("Username"), "rita");
    await user.type(screen.getByLabelText("Password"), "secret");
    await user.click(screen.getByRole("button", { name: "Sign in" }));

    expect(await screen.findByRole("heading", { level: 1, name: "Your work" })).toBeInTheDocument();
    expect(screen.getByText("rita")).toBeInTheDocument();
  });
});
