import { Alert, Button, Group, NativeSelect, Stack, Textarea, TextInput, Title } from "@mantine/core";
import type { FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useUnsavedGuard } from "../../../lib/useUnsavedGuard";
import { useProposalForm, type ProposalChoice, type ProposalText } from "../hooks/useProposalForm";
import { AUDIENCES } from "./PrincipleList";

type Form = ReturnType<typeof useProposalForm>;

const ACTIONS = ["amend", "add", "retire"] as const;

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
    <NativeSelect
      id={id}
      label={label}
      value={form[field]}
      onChange={(e) => form.set(field, e.currentTarget.value as Form[F])}
      data={options}
    />
  );
}

/** One text field of the proposal, with the server's messages about it (its description). */
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
    label,
    value: form[field],
    error: form.messages(field).join(" ") || undefined,
    onChange: (e: { currentTarget: { value: string } }) => form.set(field, e.currentTarget.value),
  };
  return multiline ? <Textarea {...props} rows={4} resize="vertical" /> : <TextInput {...props} />;
}

/** A participant proposes to add, amend or retire a principle in an open round. */
export function ProposalForm({ round }: { round: number }) {
  const form = useProposalForm(round);
  const roundErrors = form.messages("round");
  const { t } = useTranslation("principles");
  useUnsavedGuard(form.unsaved);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    form.send();
  }

  return (
    <Stack component="form" onSubmit={onSubmit} aria-label={t("proposalForm.title")}>
      <Title order={2}>{t("proposalForm.title")}</Title>
      <SelectField
        form={form}
        field="action"
        id="proposal-action"
        label={t("proposalForm.change")}
        options={ACTIONS.map((value) => ({ value, label: t(`proposalForm.actions.${value}`) }))}
      />
      <TextField form={form} field="principle_key" id="proposal-key" label={t("proposalForm.principleId")} />
      {form.action !== "retire" && (
        <>
          <TextField form={form} field="title" id="proposal-title" label={t("proposalForm.principleTitle")} />
          <TextField form={form} field="text" id="proposal-text" label={t("proposalForm.text")} multiline />
          <SelectField
            form={form}
            field="audience"
            id="proposal-audience"
            label={t("proposalForm.audience")}
            options={AUDIENCES.map((value) => ({ value, label: t(`audiences.${value}`) }))}
          />
        </>
      )}
      <TextField form={form} field="rationale" id="proposal-rationale" label={t("proposalForm.rationale")} multiline />
      {roundErrors.length > 0 && (
        <Alert color="red" role="alert">
          {roundErrors.join(" ")}
        </Alert>
      )}
      <Group>
        <Button type="submit" disabled={form.pending}>
          {t("proposalForm.submit")}
        </Button>
      </Group>
    </Stack>
  );
}
