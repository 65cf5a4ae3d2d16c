import type { TFunction } from "i18next";
import { Trans, useTranslation } from "react-i18next";
import { Link } from "react-router";
import { DateTime } from "../../../components/DateTime";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { Loading } from "../../../components/Loading";
import { useGenerations } from "../hooks/useGenerations";

function preview(prompt: string, t: TFunction<"playground">): string {
  const line = prompt.trim().split("\n")[0] ?? "";
  return line.length > 60 ? t("form.truncated", { text: line.slice(0, 60) }) : line || t("history.emptyPrompt");
}

export function GenerationHistory({ selected }: { selected: number | null }) {
  const generations = useGenerations();
  const { t } = useTranslation("playground");
  return (
    <section aria-labelledby="history-heading" className="stack">
      <h2 id="history-heading">{t("history.title")}</h2>
      {generations.isPending && <Loading />}
      <ErrorMessage error={generations.error} />
      {generations.data?.results.length === 0 && <p>{t("history.empty")}</p>}
      {generations.data && generations.data.results.length > 0 && (
        <ul className="plain-list">
          {generations.data.results.map((generation) => (
            <li key={generation.id}>
              <Link
                to={`?generation=${generation.id}`}
                aria-current={generation.id === selected ? "true" : undefined}
              >
                {t("history.link", { id: generation.id, preview: preview(generation.prompt, t) })}
              </Link>{" "}
              <span className="muted">
                <Trans
                  t={t}
                  i18nKey="history.details"
                  values={{ line: generation.line, status: t(`status.${generation.status}`) }}
                  components={{ time: <DateTime value={generation.created_at} /> }}
                />
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
