import { useState } from "react";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { useEraseProfile, useExportDownload } from "../hooks/useProfile";

type DataControlsProps = {
  username: string;
  erase: ReturnType<typeof useEraseProfile>;
};

export function DataControls({ username, erase }: DataControlsProps) {
  const download = useExportDownload(`co-align-data-${username}.json`);
  const [confirming, setConfirming] = useState(false);

  return (
    <section aria-labelledby="your-data" className="stack">
      <h2 id="your-data">Your data</h2>
      <div>
        <p>Download everything Co-Align stores about you as a JSON file.</p>
        <button type="button" onClick={() => download.mutate()} disabled={download.isPending}>
          Download my data
        </button>
        <ErrorMessage error={download.error} />
      </div>
      <div>
        <p>Erase your background answers and withdraw your consent. Your work is kept.</p>
        {confirming ? (
          <div role="group" aria-label="Confirm erasing" className="row">
            <span>Erase your background answers for good?</span>
            <button
              type="button"
              className="danger"
              disabled={erase.isPending}
              onClick={() => erase.mutate(undefined, { onSuccess: () => setConfirming(false) })}
            >
              Yes, erase
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </div>
        ) : (
          <button type="button" className="danger" onClick={() => setConfirming(true)}>
            Erase my background data
          </button>
        )}
        <ErrorMessage error={erase.error} />
      </div>
    </section>
  );
}
