import { useId, useState, type FormEvent } from "react";
import { DateTime } from "../../../components/DateTime";
import { ErrorMessage, FieldErrors } from "../../../components/ErrorMessage";
import { ApiError } from "../../../lib/api/errors";
import type { AgeBand, Profile, ProfileUpdate } from "../api/profile";

const AGE_BANDS = ["18-24", "25-34", "35-44", "45-54", "55-64", "65+"] as const satisfies readonly AgeBand[];

type ProfileFormProps = {
  profile: Profile;
  onSave: (update: ProfileUpdate) => void;
  onWithdraw: () => void;
  saving: boolean;
  error: unknown;
};

function parseLanguages(text: string): string[] {
  return text
    .split(",")
    .map((language) => language.trim())
    .filter((language) => language.length > 0);
}

/**
 * Background questions, usable only while consent is ticked. Unticking a given
 * consent and saving erases the answers (DELETE), the same as "Erase my
 * background data", so no background data outlives consent.
 */
export function ProfileForm({ profile, onSave, onWithdraw, saving, error }: ProfileFormProps) {
  const id = useId();
  const [consent, setConsent] = useState(profile.consent_given);
  const [languages, setLanguages] = useState(profile.languages.join(", "));
  const [region, setRegion] = useState(profile.region);
  const [expertise, setExpertise] = useState(profile.expertise);
  const [ageBand, setAgeBand] = useState<AgeBand>(profile.age_band);
  const [perspective, setPerspective] = useState(profile.perspective);

  const withdrawing = profile.consent_given && !consent;
  const apiError = error instanceof ApiError ? error : null;

  function field(name: keyof Profile) {
    const messages = apiError?.fieldErrors(name) ?? [];
    const errorsId = `${id}-${name}-errors`;
    return {
      inputProps: {
        id: `${id}-${name}`,
        disabled: !consent,
        "aria-invalid": messages.length > 0 || undefined,
        "aria-describedby": messages.length > 0 ? errorsId : undefined,
      },
      errors: <FieldErrors id={errorsId} messages={messages} />,
    };
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (withdrawing) {
      onWithdraw();
      return;
    }
    if (!consent) return;
    onSave({
      consent_given: true,
      languages: parseLanguages(languages),
      region: region.trim(),
      expertise: expertise.trim(),
      age_band: ageBand,
      perspective: perspective.trim(),
    });
  }

  const languagesField = field("languages");
  const regionField = field("region");
  const expertiseField = field("expertise");
  const ageBandField = field("age_band");
  const perspectiveField = field("perspective");
  const consentErrors = apiError?.fieldErrors("consent_given") ?? [];

  return (
    <form onSubmit={onSubmit} className="stack" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Background (optional)</h2>
      <p id={`${id}-why`}>
        All of these questions are optional. We ask them for two reasons: to spread work across
        raters with different backgrounds, so that no single group decides what a model learns,
        and to report how diverse our raters are. Answer only what you are comfortable with. We
        keep the answers only while you consent, and you can change or erase them at any time.
      </p>

      <ErrorMessage error={error} />

      <div className="checkbox">
        <input
          type="checkbox"
          id={`${id}-consent`}
          checked={consent}
          onChange={(event) => setConsent(event.target.checked)}
          aria-describedby={`${id}-why`}
        />
        <label htmlFor={`${id}-consent`}>
          I consent to Co-Align storing the background information below
        </label>
      </div>
      <FieldErrors id={`${id}-consent-errors`} messages={consentErrors} />
      {profile.consent_given && profile.consent_at && (
        <p className="muted">
          Consent given <DateTime value={profile.consent_at} />.
        </p>
      )}

      <fieldset disabled={!consent} className="stack">
        <legend>About you</legend>
        {!consent && <p className="muted">Tick the consent box above to answer these questions.</p>}

        <div className="field">
          <label htmlFor={languagesField.inputProps.id}>Languages</label>
          <input
            {...languagesField.inputProps}
            value={languages}
            onChange={(event) => setLanguages(event.target.value)}
            placeholder="e.g. English, Swahili"
          />
          <small className="muted">Languages you read fluently, separated by commas.</small>
          {languagesField.errors}
        </div>

        <div className="field">
          <label htmlFor={regionField.inputProps.id}>Region</label>
          <input
            {...regionField.inputProps}
            value={region}
            onChange={(event) => setRegion(event.target.value)}
          />
          {regionField.errors}
        </div>

        <div className="field">
          <label htmlFor={expertiseField.inputProps.id}>Expertise</label>
          <input
            {...expertiseField.inputProps}
            value={expertise}
            onChange={(event) => setExpertise(event.target.value)}
          />
          {expertiseField.errors}
        </div>

        <div className="field">
          <label htmlFor={ageBandField.inputProps.id}>Age band</label>
          <select
            {...ageBandField.inputProps}
            value={ageBand}
            onChange={(event) => setAgeBand(event.target.value as AgeBand)}
          >
            <option value="">Prefer not to say</option>
            {AGE_BANDS.map((band) => (
              <option key={band} value={band}>
                {band}
              </option>
            ))}
          </select>
          {ageBandField.errors}
        </div>

        <div className="field">
          <label htmlFor={perspectiveField.inputProps.id}>Perspective</label>
          <textarea
            {...perspectiveField.inputProps}
            rows={3}
            value={perspective}
            onChange={(event) => setPerspective(event.target.value)}
          />
          <small className="muted">
            Anything about your point of view you think is relevant to judging AI answers.
          </small>
          {perspectiveField.errors}
        </div>
      </fieldset>

      {withdrawing && (
        <p className="warning">
          Saving now withdraws your consent and erases your background answers.
        </p>
      )}
      <div>
        <button type="submit" disabled={saving || (!consent && !withdrawing)}>
          {withdrawing ? "Withdraw consent and erase" : "Save"}
        </button>
      </div>
    </form>
  );
}
