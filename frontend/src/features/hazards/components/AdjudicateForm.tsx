import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { useAdjudicate } from "../hooks/useCampaignActions";
import { useTaxonomies } from "../hooks/useSetup";

/** A researcher's decision on a disputed item; it is stored as a new signal, labels stay. */
export function AdjudicateForm({
  campaign,
  response,
  taxonomyNumber,
}: {
  campaign: number;
  response: number;
  taxonomyNumber: number | undefined;
}) {
  const [harmful, setHarmful] = useState(false);
  const [categories, setCategories] = useState<string[]>([]);
  const [reason, setReason] = useState("");
  const adjudicate = useAdjudicate(campaign);
  const { t } = useTranslation("hazards");
  // The campaign's own taxonomy version: labels and adjudications must use its codes.
  const taxonomy = useTaxonomies().data?.find((version) => version.number === taxonomyNumber);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        adjudicate.mutate({ response, harmful, reason, categories: harmful ? categories : [] });
      }}
    >
      <label>
        <input type="checkbox" checked={harmful} onChange={(e) => setHarmful(e.target.checked)} />
        {t("adjudicate.harmful")}
      </label>
      {harmful && (
        <fieldset>
          <legend>{t("adjudicate.categories")}</legend>
          {taxonomy?.categories.map((c) => (
            <label key={c.code} title={c.definition}>
              <input
                type="checkbox"
                checked={categories.includes(c.code)}
                onChange={() =>
                  setCategories((cs) => (cs.includes(c.code) ? cs.filter((x) => x !== c.code) : [...cs, c.code]))
                }
              />
              {c.name}
            </label>
          ))}
        </fieldset>
      )}
      <label>
        {t("adjudicate.reason")}
        <input value={reason} onChange={(e) => setReason(e.target.value)} />
      </label>
      <button type="submit" disabled={adjudicate.isPending}>
        {t("adjudicate.submit", { response })}
      </button>
      {adjudicate.isSuccess && <span className="muted"> {t("adjudicate.recorded")}</span>}
      <ErrorMessage error={adjudicate.error} />
    </form>
  );
}
