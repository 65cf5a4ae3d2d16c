/** The gates a version must pass to be published (platform/loop/gates.py), in reading order;
 * each one's label is under "gates" in src/locales/en/policies.json. */
export const GATES = [
  "min_preference_accuracy",
  "min_held_out_pairs",
  "min_llmbar_accuracy",
  "max_hazard_rate",
  "min_constitution_agreement",
  "max_regression",
] as const;

/** The recipes a policy may train with; labels under "recipes". */
export const RECIPES = ["dpo", "reward", "sft", "weak_to_strong", "alternating"] as const;
