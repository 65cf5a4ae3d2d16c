import { ErrorMessage } from "../../../components/ErrorMessage";
import { Loading } from "../../../components/Loading";
import { isFinished } from "../api/generations";
import { useGeneration, useGenerationStream } from "../hooks/useGenerations";

export function GenerationView({ id }: { id: number }) {
  const generation = useGeneration(id);
  const streamed = useGenerationStream(id);

  if (generation.isPending) return <Loading />;
  if (generation.isError) return <ErrorMessage error={generation.error} />;

  const { data } = generation;
  const finished = isFinished(data.status);
  // Until the server has the final output, show whichever text is further along.
  const text = finished || data.output.length >= streamed.length ? data.output : streamed;

  return (
    <section aria-labelledby="generation-heading" className="stack">
      <h2 id="generation-heading">Generation #{data.id}</h2>
      <p>
        Model line <strong>{data.line}</strong>, version id {data.model_version}. Status:{" "}
        <span role="status" className={`status status-${data.status}`}>
          {data.status}
        </span>
      </p>
      <h3 id="prompt-heading">Prompt</h3>
      <pre aria-labelledby="prompt-heading" className="text-block">
        {data.prompt}
      </pre>
      <h3 id="output-heading">Output</h3>
      <pre aria-labelledby="output-heading" aria-busy={!finished} className="text-block output">
        {text}
      </pre>
      {data.status === "failed" && (
        <p role="alert" className="error">
          Generation failed{data.error ? `: ${data.error}` : "."}
        </p>
      )}
    </section>
  );
}
