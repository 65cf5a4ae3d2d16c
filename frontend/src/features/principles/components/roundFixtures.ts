/** Replies of the round API for the round page's tests: a proposal and a round, each with
 * fields to override. */

export const proposal = (overrides: Record<string, unknown> = {}) => ({
  id: 7,
  round: 3,
  action: "amend",
  principle_key: "mutual-trust",
  title: "Mutual trust",
  text: "Trust is earned and re-checked.",
  audience: "shared",
  rationale: "Capabilities change.",
  author: "proposer-v1",
  ai_authored: true,
  vetoed: false,
  veto_reason: "",
  my_vote: null,
  tally: null,
  ...overrides,
});

export const round = (overrides: Record<string, unknown> = {}) => ({
  id: 3,
  title: "Spring round",
  base_version: 1,
  opens_at: "2025-01-01T00:00:00Z",
  closes_at: "2999-01-01T00:00:00Z",
  status: "open",
  min_participants: 3,
  min_agreement: 0.6,
  min_group_agreement: 0.5,
  closed_at: null,
  enacted_version: null,
  proposals: [proposal()],
  ...overrides,
});
