import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { useDraft } from "./useDraft";

function Field({ draftKey }: { draftKey: string }) {
  const draft = useDraft(draftKey);
  return (
    <>
      <label>
        Text
        <textarea value={draft.text} onChange={(e) => draft.setText(e.target.value)} />
      </label>
      <button type="button" onClick={draft.clear}>
        Saved
      </button>
      <output>{draft.unsaved ? "unsaved" : "clean"}</output>
    </>
  );
}

describe("useDraft", () => {
  it("keeps typed text per key across remounts until cleared", async () => {
    const user = userEvent.setup();
    const first = render(<Field draftKey="item:1" />);
    await user.type(screen.getByLabelText("Text"), "half a rationale");
    expect(screen.getByRole("status")).toHaveTextContent("unsaved");
    first.unmount();

    // Another item has its own, empty draft.
    const other = render(<Field draftKey="item:2" />);
    expect(screen.getByLabelText("Text")).toHaveValue("");
    expect(screen.getByRole("status")).toHaveTextContent("clean");
    other.unmount();

    const again = render(<Field draftKey="item:1" />);
    expect(screen.getByLabelText("Text")).toHaveValue("half a rationale");
    await user.click(screen.getByRole("button", { name: "Saved" }));
    expect(screen.getByLabelText("Text")).toHaveValue("");
    again.unmount();

    render(<Field draftKey="item:1" />);
    expect(screen.getByLabelText("Text")).toHaveValue("");
    expect(window.localStorage.length).toBe(0);
  });

  it("treats whitespace as nothing to lose", () => {
    window.localStorage.setItem("coalign:draft:item:3", "  \n");
    render(<Field draftKey="item:3" />);
    expect(screen.getByRole("status")).toHaveTextContent("clean");
  });
});
