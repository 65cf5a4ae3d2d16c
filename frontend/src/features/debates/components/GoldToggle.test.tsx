import { screen } from "@testing-library/react";
import { beforeEach, describe, expect, it } from "vitest";
import { FakeWebSocket } from "../../../test/fakeWebSocket";
import { stubApi, users } from "../../../test/http";
import { renderApp } from "../../../test/renderApp";

const page = (results: unknown[]) => ({ count: results.length, next: null, previous: null, results });
const summary = {
  id: 9, protocol: "debate", status: "ready", origin: "imported", condition: "Human Debate", rounds: 3,
  question: "Why did Mara stay?",
};

describe("gold debates in the researchers' list", () => {
  beforeEach(() => FakeWebSocket.reset());

  it("marks a debate gold and unmarks it", async () => {
    let gold = false;
    const http = stubApi({
      "GET /api/auth/me/": { body: users.researcher },
      "GET /api/debates/": () => ({ body: page([{ ...summary, gold }]) }),
      "GET /api/debates/questions/": { body: page([]) },
      "PUT /api/debates/9/gold/": () => {
        gold = true;
        return { body: { id: 9, gold } };
      },
      "DELETE /api/debates/9/gold/": () => {
        gold = false;
        return { body: { id: 9, gold } };
      },
    });
    const { user } = renderApp("/debates");
    const box = await screen.findByRole("checkbox", { name: "Gold" });
    expect(box).not.toBeChecked();
    expect(screen.getByText("Principle votes are opinions and have no gold answer.")).toBeInTheDocument();

    await user.click(box);
    expect(await screen.findByRole("checkbox", { name: "Gold", checked: true })).toBeInTheDocument();
    expect(http.calls("PUT /api/debates/9/gold/")).toHaveLength(1);

    await user.click(screen.getByRole("checkbox", { name: "Gold" }));
    expect(await screen.findByRole("checkbox", { name: "Gold", checked: false })).toBeInTheDocument();
    expect(http.calls("DELETE /api/debates/9/gold/")).toHaveLength(1);
  });
});
