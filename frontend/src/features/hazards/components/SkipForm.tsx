import { useState } from "react";
import { ErrorMessage, FieldErrors } from "../../../components/ErrorMessage";
import { ApiError } from "../../../lib/api/errors";
import { useSkipItem } from "../hooks/useHazards";

/** Skipping an item with a reason; it opens with the focus in the reason (key s). */
export function SkipForm({ response, campaign }: { response: number; campaign: number }) {
  const skip = useSkipItem(campaign);
  const [reason, setReason] = useState("");
  const errors = skip.error instanceof ApiError ? skip.error.fieldErrors("reason") : [];
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        skip.mutate({ response, reason });
      }}
    >
      <label>
        Why do you skip this item?
        <input
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          autoFocus
          aria-describedby={errors.length > 0 ? "skip-reason-errors" : undefined}
        />
      </label>
      <button type="submit">Skip</button>
      <FieldErrors id="skip-reason-errors" messages={errors} />
      <ErrorMessage error={skip.error} />
    </form>
  );
}
