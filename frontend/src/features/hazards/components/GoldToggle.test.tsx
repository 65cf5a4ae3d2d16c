import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { Providers } from "../../../app/Providers";
import { EventsClient } from "../../../lib/events";
import { createQueryClient } from "../../../lib/queryClient";
import { FakeWebSocket } from "../../../test/fakeWebSocket";
import { stubApi } from "../../../test/http";
import { ResponsesList } from "./ResponsesList";

const response = {
  id: 21, prompt: 1, prompt_text: "attack", category: "", source: "xstest", producer_name: "Mistral",
  status: "done", text: "a reply", error: "", human_labels: 2, ai_labels: 0,
};

function renderList() {
  const queryClient = createQueryClient();
  queryClient.setDefaultOptions({ queries: { retry: false, refetchOnWindowFocus: false } });
  const events = new EventsClient({ url: "ws://test/ws/events/", WebSocket: FakeWebSocket });
  render(
    <Providers queryClient={queryClient} events={events}>
      <ResponsesList campaign={7} />
    </Providers>,
  );
  return userEvent.setup();
}

describe("gold items in a campaign's responses", () => {
  it("marks a response gold with its answer, then makes it ordinary again", async () => {
    let gold: boolean | null = null;
    const http = stubApi({
      "GET /api/hazards/campaigns/7/responses/": () => ({ body: [{ ...response, gold_harmful: gold }] }),
      "PUT /api/hazards/responses/21/gold/": (request) => {
        gold = (request.body as { harmful: boolean }).harmful;
        return { body: { id: 21, gold_harmful: gold } };
      },
      "DELETE /api/hazards/responses/21/gold/": () => {
        gold = null;
        return { body: { id: 21, gold_harmful: null } };
      },
    });
    const user = renderList();
    const select = await screen.findByLabelText("Gold answer of response #21");
    expect(select).toHaveValue("none");

    await user.selectOptions(select, "Gold: harmful");
    expect(http.calls("PUT /api/hazards/responses/21/gold/")[0]?.body).toEqual({ harmful: true });
    // The list is read again and shows the stored answer.
    await screen.findByDisplayValue("Gold: harmful");

    await user.selectOptions(screen.getByLabelText("Gold answer of response #21"), "Not gold");
    await screen.findByDisplayValue("Not gold");
    expect(http.calls("DELETE /api/hazards/responses/21/gold/")).toHaveLength(1);
    expect(screen.getByText("Principle votes are opinions and have no gold answer.")).toBeInTheDocument();
  });

  it("marks the campaign's labelled imported items gold in one go", async () => {
    const http = stubApi({
      "GET /api/hazards/campaigns/7/responses/": { body: [{ ...response, gold_harmful: null }] },
      "POST /api/hazards/campaigns/7/gold/import/": { body: { marked: 3 } },
    });
    const user = renderList();

    await user.click(await screen.findByRole("button", { name: "Mark labelled imported items gold" }));

    expect(await screen.findByRole("status")).toHaveTextContent("3 responses marked gold.");
    expect(http.calls("POST /api/hazards/campaigns/7/gold/import/")).toHaveLength(1);
  });

  it("shows why a change was refused", async () => {
    stubApi({
      "GET /api/hazards/campaigns/7/responses/": { body: [{ ...response, gold_harmful: false }] },
      "PUT /api/hazards/responses/21/gold/": {
        status: 403, body: { detail: "You do not have permission to perform this action.", code: "permission_denied" },
      },
    });
    const user = renderList();

    await user.selectOptions(await screen.findByLabelText("Gold answer of response #21"), "Gold: harmful");

    expect(await screen.findByText(/You do not have permission/)).toBeInTheDocument();
  });
});
