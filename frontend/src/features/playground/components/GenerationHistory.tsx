import { Link } from "react-router";
import { DateTime } from "../../../components/DateTime";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { Loading } from "../../../components/Loading";
import { useGenerations } from "../hooks/useGenerations";

function preview(prompt: string): string {
  const line = prompt.trim().split("\n")[0] ?? "";
  return line.length > 60 ? `${line.slice(0, 60)}…` : line || "(empty prompt)";
}

export function GenerationHistory({ selected }: { selected: number | null }) {
  const generations = useGenerations();
  return (
    <section aria-labelledby="history-heading" className="stack">
      <h2 id="history-heading">Your recent generations</h2>
      {generations.isPending && <Loading />}
      <ErrorMessage error={generations.error} />
      {generations.data?.results.length === 0 && <p>You have not prompted a model yet.</p>}
      {generations.data && generations.data.results.length > 0 && (
        <ul className="plain-list">
          {generations.data.results.map((generation) => (
            <li key={generation.id}>
              <Link
                to={`?generation=${generation.id}`}
                aria-current={generation.id === selected ? "true" : undefined}
              >
                #{generation.id} {preview(generation.prompt)}
              </Link>{" "}
              <span className="muted">
                {generation.line}, {generation.status}, <DateTime value={generation.created_at} />
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
