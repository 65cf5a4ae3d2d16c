import { act, screen } from "@testing-library/react";
import { beforeEach, describe, expect, it } from "vitest";
import { FakeWebSocket } from "../../../test/fakeWebSocket";
import { stubApi, users } from "../../../test/http";
import { renderApp } from "../../../test/renderApp";

const line = {
  slug: "helpful",
  name: "Helpful assistant",
  description: "",
  published_version: {
    id: 10, line: "helpful", number: 3, base: "tiny-gpt", uri: "", status: "published",
    metrics: {}, parent: null, dataset_hash: "", code_version: "", created_at: "2025-01-01T00:00:00Z",
    published_at: "2025-01-02T00:00:00Z",
  },
};

const generation = {
  id: 12,
  line: "helpful",
  model_version: 10,
  prompt: "Say hello",
  params: { max_new_tokens: 256, temperature: 0.7 },
  status: "queued",
  output: "",
  error: "",
  created_at: "2025-03-01T00:00:00Z",
  finished_at: null,
  untrained_model: false,
};

describe("playground", () => {
  beforeEach(() => FakeWebSocket.reset());

  it("streams the output over the websocket, then shows the stored result", async () => {
    let completed = false;
    const http = stubApi({
      "GET /api/auth/me/": { body: users.researcher },
      "GET /api/registry/lines/": { body: { count: 1, next: null, previous: null, results: [line] } },
      "GET /api/llm/generations/": { body: { count: 0, next: null, previous: null, results: [] } },
      "POST /api/llm/generations/": { status: 201, body: generation },
      "GET /api/llm/generations/12/": () => ({
        body: completed
          ? { ...generation, status: "done", output: "Hello, world!", finished_at: "2025-03-01T00:00:05Z" }
          : { ...generation, status: "running" },
      }),
    });
    const { user } = renderApp("/playground");

    await user.type(await screen.findByLabelText("Prompt"), "Say hello");
    await user.clear(screen.getByLabelText("Max new tokens"));
    await user.type(screen.getByLabelText("Max new tokens"), "32");
    await user.click(screen.getByRole("button", { name: "Generate" }));

    expect(await screen.findByRole("heading", { name: "Generation #12" })).toBeInTheDocument();
    expect(http.calls("POST /api/llm/generations/")[0]?.body).toEqual({
      line: "helpful",
      prompt: "Say hello",
      max_new_tokens: 32,
      temperature: 0.7,
    });

    const socket = await FakeWebSocket.opened();
    act(() => socket.acceptConnection());
    expect(socket.sent).toEqual([{ action: "subscribe", group: "generation:12" }]);

    const output = screen.getByLabelText("Output");
    act(() => {
      socket.emit({ type: "generation.delta", group: "generation:12", payload: { id: 12, text: "Hello" } });
      socket.emit({ type: "generation.delta", group: "generation:12", payload: { id: 12, text: ", wor" } });
    });
    expect(output).toHaveTextContent("Hello, wor");

    completed = true;
    act(() =>
      socket.emit({ type: "generation.completed", group: "generation:12", payload: { id: 12, status: "done" } }),
    );
    expect(await screen.findByText("done")).toBeInTheDocument();
    expect(output).toHaveTextContent("Hello, world!");
    expect(output).toHaveAttribute("aria-busy", "false");
  });

  it("starts from a real question and shows the preferred reply next to the untrained model's", async () => {
    const question = "Is it possible to download a car?";
    const tiny = { ...generation, prompt: question, status: "done", output: "q#\u0007zz", untrained_model: true };
    const http = stubApi({
      "GET /api/auth/me/": { body: users.researcher },
      "GET /api/registry/lines/": { body: { count: 1, next: null, previous: null, results: [line] } },
      "GET /api/llm/generations/": { body: { count: 0, next: null, previous: null, results: [] } },
      "GET /api/llm/examples/": {
        body: [{ prompt: question, reference: "I'm not sure what you mean. Can you clarify?" }],
      },
      "POST /api/llm/generations/": { status: 201, body: tiny },
      "GET /api/llm/generations/12/": { body: tiny },
    });
    const { user } = renderApp("/playground");

    await user.selectOptions(await screen.findByLabelText("Start from a real question (HH-RLHF)"), question);
    expect(screen.getByLabelText("Prompt")).toHaveValue(question);
    await user.click(screen.getByRole("button", { name: "Generate" }));

    expect(await screen.findByText("Untrained demo model: random text")).toBeInTheDocument();
    expect(http.calls("POST /api/llm/generations/")[0]?.body).toMatchObject({ prompt: question });
    expect(screen.getByLabelText("A reply people preferred (HH-RLHF), to compare")).toHaveTextContent(
      "I'm not sure what you mean. Can you clarify?",
    );
  });
});
