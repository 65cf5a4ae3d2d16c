import { useTranslation } from "react-i18next";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { useDebateGold } from "../hooks/useGold";

/** A checkbox that marks a debate gold; judgements already given stay. */
export function GoldToggle({ debate, gold }: { debate: number; gold: boolean }) {
  const { t } = useTranslation("debates");
  const change = useDebateGold();
  return (
    <>
      <label>
        <input
          type="checkbox"
          checked={gold}
          disabled={change.isPending}
          onChange={(event) => change.mutate({ debate, gold: event.target.checked })}
        />{" "}
        {t("gold.label")}
      </label>
      <ErrorMessage error={change.error} />
    </>
  );
}

/** What gold debates are, above the list where they are marked. */
export function GoldNote() {
  const { t } = useTranslation("debates");
  return (
    <>
      <p className="muted">{t("gold.explain")}</p>
      <p className="muted">{t("gold.noVotes")}</p>
    </>
  );
}
