import { useState } from "react";
import { useTranslation } from "react-i18next";
import { FieldErrors } from "../../../components/ErrorMessage";
import { ApiError } from "../../../lib/api/errors";
import { useVeto } from "../hooks/usePrinciples";

/** A researcher vetoes a proposal, with the reason the participants will read. */
export function VetoForm({ proposal }: { proposal: number }) {
  const veto = useVeto();
  const { t } = useTranslation("principles");
  const [reason, setReason] = useState("");
  const errors = veto.error instanceof ApiError ? veto.error : null;
  return (
    <form
      className="row"
      onSubmit={(event) => {
        event.preventDefault();
        veto.mutate({ proposal, reason });
      }}
    >
      <label htmlFor={`veto-${proposal}`}>{t("veto.reason")}</label>
      <input id={`veto-${proposal}`} value={reason} onChange={(e) => setReason(e.target.value)} />
      <button type="submit" disabled={veto.isPending}>
        {t("veto.submit")}
      </button>
      <FieldErrors id={`veto-${proposal}-errors`} messages={errors?.fieldErrors("reason") ?? []} />
    </form>
  );
}
