import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { createMemoryRouter, Link, RouterProvider } from "react-router";
import { afterEach, describe, expect, it, vi } from "vitest";
import { UNSAVED_MESSAGE, useUnsavedGuard } from "./useUnsavedGuard";

function Editor() {
  const [text, setText] = useState("");
  useUnsavedGuard(text !== "");
  return (
    <>
      <label>
        Argument
        <textarea value={text} onChange={(e) => setText(e.target.value)} />
      </label>
      <Link to="/elsewhere">Leave</Link>
    </>
  );
}

function setup() {
  const router = createMemoryRouter(
    [
      { path: "/", element: <Editor /> },
      { path: "/elsewhere", element: <p>Elsewhere</p> },
    ],
    { initialEntries: ["/"] },
  );
  render(<RouterProvider router={router} />);
  return { router, user: userEvent.setup() };
}

describe("useUnsavedGuard", () => {
  afterEach(() => vi.restoreAllMocks());

  it("lets a page without typed text go", async () => {
    const confirm = vi.spyOn(window, "confirm");
    const { user } = setup();
    await user.click(screen.getByRole("link", { name: "Leave" }));
    expect(await screen.findByText("Elsewhere")).toBeInTheDocument();
    expect(confirm).not.toHaveBeenCalled();
  });

  it("asks before leaving typed text, in the app and on unload", async () => {
    const confirm = vi.spyOn(window, "confirm").mockReturnValueOnce(false).mockReturnValueOnce(true);
    const { user, router } = setup();
    await user.type(screen.getByLabelText("Argument"), "The lamp");

    const unload = new Event("beforeunload", { cancelable: true });
    window.dispatchEvent(unload);
    expect(unload.defaultPrevented).toBe(true);

    await user.click(screen.getByRole("link", { name: "Leave" }));
    expect(confirm).toHaveBeenCalledWith(UNSAVED_MESSAGE);
    expect(screen.getByLabelText("Argument")).toHaveValue("The lamp");
    expect(router.state.location.pathname).toBe("/");

    await user.click(screen.getByRole("link", { name: "Leave" }));
    expect(await screen.findByText("Elsewhere")).toBeInTheDocument();
    expect(confirm).toHaveBeenCalledTimes(2);
  });
});
