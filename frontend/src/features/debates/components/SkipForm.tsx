import { useState, type FormEvent } from "react";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { useSkip } from "../hooks/useDebates";

export function SkipForm({ assignmentId }: { assignmentId: number }) {
  const [reason, setReason] = useState("");
  const skip = useSkip(assignmentId);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    skip.mutate(reason);
  };
  return (
    <form onSubmit={submit} className="stack" aria-labelledby="skip-heading">
      <h2 id="skip-heading">Skip this debate</h2>
      <label htmlFor="skip-reason">Reason for skipping</label>
      <input id="skip-reason" value={reason} onChange={(event) => setReason(event.target.value)} />
      <button type="submit" disabled={skip.isPending}>
        Skip
      </button>
      <ErrorMessage error={skip.error} />
    </form>
  );
}
