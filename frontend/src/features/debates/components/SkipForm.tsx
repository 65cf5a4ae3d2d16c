import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { useSkip } from "../hooks/useDebates";

export function SkipForm({ assignmentId }: { assignmentId: number }) {
  const [reason, setReason] = useState("");
  const skip = useSkip(assignmentId);
  const { t } = useTranslation("debates");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    skip.mutate(reason);
  };
  return (
    <form onSubmit={submit} className="stack" aria-labelledby="skip-heading">
      <h2 id="skip-heading">{t("skip.title")}</h2>
      <label htmlFor="skip-reason">{t("skip.reason")}</label>
      <input id="skip-reason" value={reason} onChange={(event) => setReason(event.target.value)} />
      <button type="submit" disabled={skip.isPending}>
        {t("skip.submit")}
      </button>
      <ErrorMessage error={skip.error} />
    </form>
  );
}
