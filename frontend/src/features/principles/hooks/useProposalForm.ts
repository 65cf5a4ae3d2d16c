import { ApiError } from "../../../lib/api/errors";
import { useDraft } from "../../../lib/useDraft";
import type { ProposalIn } from "../api/principles";
import { useSubmitProposal } from "./usePrinciples";

// A draft always has an audience; a retirement sends it blank.
type Draft = Omit<ProposalIn, "audience"> & { audience: Exclude<ProposalIn["audience"], ""> };

/** The fields of a proposal that are typed in, and those chosen from options. */
export type ProposalText = "principle_key" | "title" | "text" | "rationale";
export type ProposalChoice = "action" | "audience";

const EMPTY: Draft = { action: "amend", principle_key: "", title: "", text: "", audience: "shared", rationale: "" };

const TEXT_FIELDS: readonly ProposalText[] = ["principle_key", "title", "text", "rationale"];

/** The stored draft, or an empty one when there is none (or it cannot be read). */
function parsed(text: string): Draft {
  if (!text) return EMPTY;
  try {
    return { ...EMPTY, ...(JSON.parse(text) as Partial<Draft>) };
  } catch {
    return EMPTY;
  }
}

/** A proposal being written for a round, its submission, and the server's messages by field. */
export function useProposalForm(round: number) {
  const submit = useSubmitProposal(round);
  // The whole proposal is kept as JSON per round until it is stored.
  const stored = useDraft(`principles:round:${round}:proposal`);
  const draft = parsed(stored.text);
  const unsaved = TEXT_FIELDS.some((field) => draft[field].trim() !== "");
  const error = submit.error instanceof ApiError ? submit.error : null;

  function set<K extends keyof Draft>(field: K, value: Draft[K]) {
    stored.setText(JSON.stringify({ ...draft, [field]: value }));
  }

  function send() {
    // A retirement names only the principle; the API ignores blank wording fields for it.
    const retire = draft.action === "retire";
    const body: ProposalIn = {
      action: draft.action,
      principle_key: draft.principle_key,
      title: retire ? "" : draft.title,
      text: retire ? "" : draft.text,
      audience: retire ? "" : draft.audience,
      rationale: draft.rationale,
    };
    // The next proposal is likely of the same kind and audience: keep those.
    const { action, audience } = draft;
    submit.mutateAsync(body).then(
      () => stored.setText(JSON.stringify({ ...EMPTY, action, audience })),
      () => undefined, // a refusal keeps the draft; the messages show by field
    );
  }

  return {
    ...draft,
    set,
    send,
    pending: submit.isPending,
    unsaved,
    // Also for fields the form does not show, such as "round" (the round has closed).
    messages: (field: string): string[] => error?.fieldErrors(field) ?? [],
  };
}
