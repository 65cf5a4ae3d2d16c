import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { nodeMultipart, stubApi, users } from "../../../test/http";
import { renderApp } from "../../../test/renderApp";

const conversation = {
  slug: "seattle",
  topic: "$15/hour minimum wage",
  description: "",
  url: "",
  comments: 69,
  participants: 339,
  imported_at: "2026-03-01T10:00:00Z",
};

describe("Polis import", () => {
  it("uploads an export's files and lists the conversation", async () => {
    const File = await nodeMultipart();
    let imported: (typeof conversation)[] = [];
    const http = stubApi({
      "GET /api/auth/me/": { body: users.researcher },
      "GET /api/principles/polis/": () => ({ body: imported }),
      "POST /api/principles/polis/": () => {
        imported = [conversation];
        return { status: 201, body: conversation };
      },
    });
    const { user } = renderApp("/polis");

    expect(await screen.findByText("No conversations imported yet.")).toBeInTheDocument();
    await user.type(screen.getByLabelText(/Conversation name/), "seattle");
    await user.upload(screen.getByLabelText("comments.csv"), new File(["comment-id\n"], "comments.csv"));
    await user.upload(screen.getByLabelText("votes.csv"), new File(["voter-id\n"], "votes.csv"));
    await user.upload(
      screen.getByLabelText("participants-votes.csv"),
      new File(["participant\n"], "participants-votes.csv"),
    );
    await user.click(screen.getByRole("button", { name: "Import" }));

    expect(await screen.findByRole("status")).toHaveTextContent("Imported seattle: 69 statements, 339 participants.");
    const table = await screen.findByRole("table");
    expect(within(table).getByText("$15/hour minimum wage")).toBeInTheDocument();
    expect(http.calls("POST /api/principles/polis/")[0]?.body).toEqual({
      slug: "seattle",
      comments: { name: "comments.csv", text: "comment-id\n" },
      votes: { name: "votes.csv", text: "voter-id\n" },
      participants_votes: { name: "participants-votes.csv", text: "participant\n" },
    });
  });

  it("shows why an upload was refused", async () => {
    const File = await nodeMultipart();
    stubApi({
      "GET /api/auth/me/": { body: users.researcher },
      "GET /api/principles/polis/": { body: [] },
      "POST /api/principles/polis/": {
        status: 400,
        body: {
          detail: "Invalid input: see the field messages.",
          code: "invalid",
          fields: { files: ["Unreadable Polis export in the uploaded files: 'voter-id'"] },
        },
      },
    });
    const { user } = renderApp("/polis");

    await user.type(await screen.findByLabelText(/Conversation name/), "broken");
    for (const name of ["comments.csv", "votes.csv", "participants-votes.csv"]) {
      await user.upload(screen.getByLabelText(name), new File(["x\n"], name));
    }
    await user.click(screen.getByRole("button", { name: "Import" }));
    expect(await screen.findByText(/Unreadable Polis export in the uploaded files/)).toBeInTheDocument();
  });

  it("is for researchers: admins are not offered it", async () => {
    stubApi({ "GET /api/auth/me/": { body: users.admin }, "GET /api/work/": { body: { results: [] } } });
    renderApp("/polis");
    expect(await screen.findByRole("heading", { name: "Not available" })).toBeInTheDocument();
  });
});
