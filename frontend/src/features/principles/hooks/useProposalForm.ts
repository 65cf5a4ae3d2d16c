import { useState } from "react";
import { ApiError } from "../../../lib/api/errors";
import type { ProposalIn } from "../api/principles";
import { useSubmitProposal } from "./usePrinciples";

// A draft always has an audience; a retirement sends it blank.
type Draft = Omit<ProposalIn, "audience"> & { audience: Exclude<ProposalIn["audience"], ""> };

/** The fields of a proposal that are typed in, and those chosen from options. */
export type ProposalText = "principle_key" | "title" | "text" | "rationale";
export type ProposalChoice = "action" | "audience";

const EMPTY: Draft = { action: "amend", principle_key: "", title: "", text: "", audience: "shared", rationale: "" };

/** A proposal being written for a round, its submission, and the server's messages by field. */
export function useProposalForm(round: number) {
  const submit = useSubmitProposal(round);
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const error = submit.error instanceof ApiError ? submit.error : null;

  function set<K extends keyof Draft>(field: K, value: Draft[K]) {
    setDraft((d) => ({ ...d, [field]: value }));
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
    submit.mutate(body, {
      onSuccess: () => setDraft((d) => ({ ...EMPTY, action: d.action, audience: d.audience })),
    });
  }

  return {
    ...draft,
    set,
    send,
    pending: submit.isPending,
    // Also for fields the form does not show, such as "round" (the round has closed).
    messages: (field: string): string[] => error?.fieldErrors(field) ?? [],
  };
}
