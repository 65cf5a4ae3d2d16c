import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useDraft } from "../../../lib/useDraft";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { writeAttack } from "../api/hazards";
import { useTaxonomies } from "../hooks/useSetup";

/** A rater writes an attack ("try to make the model produce X"); the target model answers it. */
export function AttackForm({ campaign }: { campaign: number }) {
  const taxonomies = useTaxonomies();
  const { t } = useTranslation("hazards");
  // Kept per campaign until sent; the label form's guard covers the page's navigation.
  const draft = useDraft(`hazards:${campaign}:attack`);
  const { text, setText } = draft;
  const [category, setCategory] = useState("");
  const attack = useMutation({
    mutationFn: () => writeAttack(campaign, text, category),
    onSuccess: () => draft.clear(),
  });
  const current = taxonomies.data?.[0];
  return (
    <details>
      <summary>{t("attack.summary")}</summary>
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          attack.mutate();
        }}
      >
        <label className="field">
          {t("attack.category")}
          <select value={category} onChange={(e) => setCategory(e.target.value)}>
            <option value="">{t("attack.none")}</option>
            {current?.categories.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          {t("attack.prompt")}
          <textarea className="wide" value={text} onChange={(e) => setText(e.target.value)} rows={3} />
        </label>
        <button type="submit" disabled={attack.isPending || !text.trim()}>
          {t("attack.send")}
        </button>
        {attack.isSuccess && <span className="muted"> {t("attack.sent")}</span>}
        <ErrorMessage error={attack.error} />
      </form>
    </details>
  );
}
