import { useId, useState, type FormEvent } from "react";
import { Trans, useTranslation } from "react-i18next";
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
  const { t } = useTranslation("profile");
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
      <h2 id={`${id}-heading`}>{t("form.title")}</h2>
      <p id={`${id}-why`}>{t("form.why")}</p>

      <ErrorMessage error={error} />

      <div className="checkbox">
        <input
          type="checkbox"
          id={`${id}-consent`}
          checked={consent}
          onChange={(event) => setConsent(event.target.checked)}
          aria-describedby={`${id}-why`}
        />
        <label htmlFor={`${id}-consent`}>{t("form.consent")}</label>
      </div>
      <FieldErrors id={`${id}-consent-errors`} messages={consentErrors} />
      {profile.consent_given && profile.consent_at && (
        <p className="muted">
          <Trans t={t} i18nKey="form.consentGiven" components={{ time: <DateTime value={profile.consent_at} /> }} />
        </p>
      )}

      <fieldset disabled={!consent} className="stack">
        <legend>{t("form.aboutYou")}</legend>
        {!consent && <p className="muted">{t("form.tickConsent")}</p>}

        <div className="field">
          <label htmlFor={languagesField.inputProps.id}>{t("form.languages")}</label>
          <input
            {...languagesField.inputProps}
            value={languages}
            onChange={(event) => setLanguages(event.target.value)}
            placeholder={t("form.languagesExample")}
          />
          <small className="muted">{t("form.languagesHelp")}</small>
          {languagesField.errors}
        </div>

        <div className="field">
          <label htmlFor={regionField.inputProps.id}>{t("form.region")}</label>
          <input
            {...regionField.inputProps}
            value={region}
            onChange={(event) => setRegion(event.target.value)}
          />
          {regionField.errors}
        </div>

        <div className="field">
          <label htmlFor={expertiseField.inputProps.id}>{t("form.expertise")}</label>
          <input
            {...expertiseField.inputProps}
            value={expertise}
            onChange={(event) => setExpertise(event.target.value)}
          />
          {expertiseField.errors}
        </div>

        <div className="field">
          <label htmlFor={ageBandField.inputProps.id}>{t("form.ageBand")}</label>
          <select
            {...ageBandField.inputProps}
            value={ageBand}
            onChange={(event) => setAgeBand(event.target.value as AgeBand)}
          >
            <option value="">{t("form.preferNotToSay")}</option>
            {AGE_BANDS.map((band) => (
              <option key={band} value={band}>
                {band}
              </option>
            ))}
          </select>
          {ageBandField.errors}
        </div>

        <div className="field">
          <label htmlFor={perspectiveField.inputProps.id}>{t("form.perspective")}</label>
          <textarea
            {...perspectiveField.inputProps}
            rows={3}
            value={perspective}
            onChange={(event) => setPerspective(event.target.value)}
          />
          <small className="muted">{t("form.perspectiveHelp")}</small>
          {perspectiveField.errors}
        </div>
      </fieldset>

      {withdrawing && <p className="warning">{t("form.withdrawWarning")}</p>}
      <div>
        <button type="submit" disabled={saving || (!consent && !withdrawing)}>
          {withdrawing ? t("form.withdraw") : t("form.save")}
        </button>
      </div>
    </form>
  );
}
