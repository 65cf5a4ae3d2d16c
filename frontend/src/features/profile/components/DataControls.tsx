import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { useEraseProfile, useExportDownload } from "../hooks/useProfile";

type DataControlsProps = {
  username: string;
  erase: ReturnType<typeof useEraseProfile>;
};

export function DataControls({ username, erase }: DataControlsProps) {
  const download = useExportDownload(`co-align-data-${username}.json`);
  const [confirming, setConfirming] = useState(false);
  const { t } = useTranslation("profile");

  return (
    <section aria-labelledby="your-data" className="stack">
      <h2 id="your-data">{t("data.title")}</h2>
      <div>
        <p>{t("data.exportIntro")}</p>
        <button type="button" onClick={() => download.mutate()} disabled={download.isPending}>
          {t("data.export")}
        </button>
        <ErrorMessage error={download.error} />
      </div>
      <div>
        <p>{t("data.eraseIntro")}</p>
        {confirming ? (
          <div role="group" aria-label={t("data.confirmLabel")} className="row">
            <span>{t("data.confirmQuestion")}</span>
            <button
              type="button"
              className="danger"
              disabled={erase.isPending}
              onClick={() => erase.mutate(undefined, { onSuccess: () => setConfirming(false) })}
            >
              {t("data.confirm")}
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              {t("data.cancel")}
            </button>
          </div>
        ) : (
          <button type="button" className="danger" onClick={() => setConfirming(true)}>
            {t("data.erase")}
          </button>
        )}
        <ErrorMessage error={erase.error} />
      </div>
    </section>
  );
}
