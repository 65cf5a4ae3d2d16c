import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { writeAttack } from "../api/hazards";
import { useTaxonomies } from "../hooks/useSetup";

/** A rater writes an attack ("try to make the model produce X"); the target model answers it. */
export function AttackForm({ campaign }: { campaign: number }) {
  const taxonomies = useTaxonomies();
  const [text, setText] = useState("");
  const [category, setCategory] = useState("");
  const attack = useMutation({
    mutationFn: () => writeAttack(campaign, text, category),
    onSuccess: () => setText(""),
  });
  const current = taxonomies.data?.[0];
  return (
    <details>
      <summary>Write an attack prompt</summary>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          attack.mutate();
        }}
      >
        <label>
          Hazard category to aim at
          <select value={category} onChange={(e) => setCategory(e.target.value)}>
            <option value="">(none)</option>
            {current?.categories.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Attack prompt
          <textarea value={text} onChange={(e) => setText(e.target.value)} rows={3} />
        </label>
        <button type="submit" disabled={attack.isPending || !text.trim()}>
          Send to the model
        </button>
        {attack.isSuccess && <span className="muted"> Sent: its response will come up for labelling.</span>}
        <ErrorMessage error={attack.error} />
      </form>
    </details>
  );
}
