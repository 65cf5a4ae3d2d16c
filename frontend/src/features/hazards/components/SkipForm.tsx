import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorMessage, FieldErrors } from "../../../components/ErrorMessage";
import { ApiError } from "../../../lib/api/errors";
import { draftDiscard } from "../../../lib/useDraft";
import { useSkipItem } from "../hooks/useHazards";
import { rewriteDraftKey } from "../hooks/useLabelForm";

/** Skipping an item with a reason; it opens with the focus in the reason (key s). */
export function SkipForm({ response, campaign }: { response: number; campaign: number }) {
  const skip = useSkipItem(campaign);
  const [reason, setReason] = useState("");
  const { t } = useTranslation("hazards");
  const errors = skip.error instanceof ApiError ? skip.error.fieldErrors("reason") : [];
  return (
    <form
      className="row"
      onSubmit={(e) => {
        e.preventDefault();
        // A skipped item is not labelled: its unsent rewrite has nowhere to go.
        skip.mutateAsync({ response, reason }).then(
          () => draftDiscard(rewriteDraftKey(response)),
          () => undefined, // a refusal shows through skip.error
        );
      }}
    >
      <label className="field">
        <span>{t("label.skipReason")}</span>
        <input
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          autoFocus
          aria-describedby={errors.length > 0 ? "skip-reason-errors" : undefined}
        />
      </label>
      <button type="submit">{t("label.skipSubmit")}</button>
      <FieldErrors id="skip-reason-errors" messages={errors} />
      <ErrorMessage error={skip.error} />
    </form>
  );
}
