import type { FormEvent } from "react";
import { FieldErrors } from "../../../components/ErrorMessage";
import { useProposalForm, type ProposalChoice, type ProposalText } from "../hooks/useProposalForm";
import { AUDIENCE_OPTIONS } from "./PrincipleList";

type Form = ReturnType<typeof useProposalForm>;

const ACTION_OPTIONS = [
  { value: "amend", label: "Amend a principle" },
  { value: "add", label: "Add a principle" },
  { value: "retire", label: "Retire a principle" },
];

/** One choice of the proposal (its action or audience), from options the server accepts. */
function SelectField<F extends ProposalChoice>({
  form,
  field,
  id,
  label,
  options,
}: {
  form: Form;
  field: F;
  id: string;
  label: string;
  options: { value: string; label: string }[];
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={form[field]} onChange={(e) => form.set(field, e.target.value as Form[F])}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** One text field of the proposal, with the server's messages about it. */
function TextField({
  form,
  field,
  id,
  label,
  multiline = false,
}: {
  form: Form;
  field: ProposalText;
  id: string;
  label: string;
  multiline?: boolean;
}) {
  const props = {
    id,
    value: form[field],
    "aria-describedby": `${id}-errors`,
  };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {multiline ? (
        <textarea {...props} onChange={(e) => form.set(field, e.target.value)} />
      ) : (
        <input {...props} onChange={(e) => form.set(field, e.target.value)} />
      )}
      <FieldErrors id={`${id}-errors`} messages={form.messages(field)} />
    </div>
  );
}

/** A participant proposes to add, amend or retire a principle in an open round. */
export function ProposalForm({ round }: { round: number }) {
  const form = useProposalForm(round);
  const roundErrors = form.messages("round");

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    form.send();
  }

  return (
    <form onSubmit={onSubmit} className="stack" aria-label="Propose a change">
      <h2>Propose a change</h2>
      <SelectField form={form} field="action" id="proposal-action" label="Change" options={ACTION_OPTIONS} />
      <TextField form={form} field="principle_key" id="proposal-key" label="Principle id" />
      {form.action !== "retire" && (
        <>
          <TextField form={form} field="title" id="proposal-title" label="Title" />
          <TextField form={form} field="text" id="proposal-text" label="Text" multiline />
          <SelectField
            form={form}
            field="audience"
            id="proposal-audience"
            label="Audience"
            options={AUDIENCE_OPTIONS}
          />
        </>
      )}
      <TextField form={form} field="rationale" id="proposal-rationale" label="Rationale" multiline />
      {roundErrors.length > 0 && (
        <p role="alert" className="error">
          {roundErrors.join(" ")}
        </p>
      )}
      <button type="submit" disabled={form.pending}>
        Submit proposal
      </button>
    </form>
  );
}
