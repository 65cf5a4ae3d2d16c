import { useCampaignResponses } from "../hooks/useCampaignActions";

/** Responses as they are generated: streamed text until the stored text arrives. */
export function ResponsesList({ campaign }: { campaign: number }) {
  const responses = useCampaignResponses(campaign);
  if (!responses.data) return null;
  return (
    <details>
      <summary>Responses ({responses.data.length})</summary>
      <p className="muted">Content warning: prompts and responses may hold harmful or offensive text.</p>
      <table>
        <thead>
          <tr>
            <th>Prompt</th>
            <th>Producer</th>
            <th>Status</th>
            <th>Response</th>
            <th>Labels (human / AI)</th>
          </tr>
        </thead>
        <tbody>
          {responses.data.map((r) => (
            <tr key={r.id}>
              <td>{r.prompt_text}</td>
              <td>{r.producer_name}</td>
              <td>{r.status}</td>
              <td>{r.status === "done" ? r.text : (responses.streams[r.id] ?? "")}</td>
              <td>
                {r.human_labels} / {r.ai_labels}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
