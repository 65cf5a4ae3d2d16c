import { Trans, useTranslation } from "react-i18next";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { Loading } from "../../../components/Loading";
import { UntrainedModelBadge } from "../../../components/UntrainedModelBadge";
import { isFinished } from "../api/generations";
import { useGeneration, useGenerationStream, usePlaygroundExamples } from "../hooks/useGenerations";

export function GenerationView({ id }: { id: number }) {
  const generation = useGeneration(id);
  const streamed = useGenerationStream(id);
  const examples = usePlaygroundExamples();
  const { t } = useTranslation("playground");

  if (generation.isPending) return <Loading />;
  if (generation.isError) return <ErrorMessage error={generation.error} />;

  const { data } = generation;
  const finished = isFinished(data.status);
  // Until the server has the final output, show whichever text is further along.
  const text = finished || data.output.length >= streamed.length ? data.output : streamed;
  const reference = examples.data?.find((example) => example.prompt === data.prompt)?.reference;

  return (
    <section aria-labelledby="generation-heading" className="stack">
      <h2 id="generation-heading">{t("view.title", { id: data.id })}</h2>
      <p>
        <Trans
          t={t}
          i18nKey="view.summary"
          values={{ line: data.line, version: data.model_version, status: t(`status.${data.status}`) }}
          components={{ strong: <strong />, status: <span role="status" className={`status status-${data.status}`} /> }}
        />
      </p>
      <h3 id="prompt-heading">{t("view.prompt")}</h3>
      <pre aria-labelledby="prompt-heading" className="text-block">
        {data.prompt}
      </pre>
      <h3 id="output-heading">
        {t("view.output")} {data.untrained_model && <UntrainedModelBadge />}
      </h3>
      {data.untrained_model && (
        <p className="muted">{t("view.untrained")}</p>
      )}
      <pre aria-labelledby="output-heading" aria-busy={!finished} className="text-block output">
        {text}
      </pre>
      {reference && (
        <>
          <h3 id="reference-heading">{t("view.reference")}</h3>
          <pre aria-labelledby="reference-heading" className="text-block">
            {reference}
          </pre>
        </>
      )}
      {data.status === "failed" && (
        <p role="alert" className="error">
          {data.error ? t("view.failedWithError", { error: data.error }) : t("view.failed")}
        </p>
      )}
    </section>
  );
}
