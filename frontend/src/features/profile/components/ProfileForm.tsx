import { Alert, Button, Checkbox, Fieldset, Group, NativeSelect, Stack, Text, Textarea, TextInput, Title } from "@mantine/core";
import { useId, useState, type FormEvent } from "react";
import { Trans, useTranslation } from "react-i18next";
import { DateTime } from "../../../components/DateTime";
import { ErrorMessage, inputError } from "../../../components/ErrorMessage";
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

  /** A background input's shared props: usable only with consent, the server's messages below it. */
  function field(name: keyof Profile) {
    return { disabled: !consent, error: inputError(apiError?.fieldErrors(name) ?? []) };
  }

  function onSubmit(event: FormEvent) {
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
    <Stack component="form" onSubmit={onSubmit} aria-labelledby={`${id}-heading`}>
      <Title order={2} id={`${id}-heading`}>
        {t("form.title")}
      </Title>
      <Text id={`${id}-why`}>{t("form.why")}</Text>

      <ErrorMessage error={error} />

      <Checkbox
        checked={consent}
        onChange={(event) => setConsent(event.currentTarget.checked)}
        label={t("form.consent")}
        aria-describedby={`${id}-why`}
        error={inputError(consentErrors)}
      />
      {profile.consent_given && profile.consent_at && (
        <Text c="dimmed" size="sm">
          <Trans t={t} i18nKey="form.consentGiven" components={{ time: <DateTime value={profile.consent_at} /> }} />
        </Text>
      )}

      <Fieldset legend={t("form.aboutYou")} disabled={!consent}>
        <Stack>
          {!consent && <Text c="dimmed">{t("form.tickConsent")}</Text>}
          <TextInput
            {...languagesField}
            label={t("form.languages")}
            description={t("form.languagesHelp")}
            inputWrapperOrder={["label", "input", "description", "error"]}
            value={languages}
            onChange={(event) => setLanguages(event.currentTarget.value)}
            placeholder={t("form.languagesExample")}
          />
          <TextInput
            {...regionField}
            label={t("form.region")}
            value={region}
            onChange={(event) => setRegion(event.currentTarget.value)}
          />
          <TextInput
            {...expertiseField}
            label={t("form.expertise")}
            value={expertise}
            onChange={(event) => setExpertise(event.currentTarget.value)}
          />
          <NativeSelect
            {...ageBandField}
            label={t("form.ageBand")}
            value={ageBand}
            onChange={(event) => setAgeBand(event.currentTarget.value as AgeBand)}
            data={[{ value: "", label: t("form.preferNotToSay") }, ...AGE_BANDS]}
          />
          <Textarea
            {...perspectiveField}
            label={t("form.perspective")}
            description={t("form.perspectiveHelp")}
            inputWrapperOrder={["label", "input", "description", "error"]}
            rows={3}
            value={perspective}
            onChange={(event) => setPerspective(event.currentTarget.value)}
          />
        </Stack>
      </Fieldset>

      {withdrawing && (
        <Alert color="red" variant="light" role="note">
          {t("form.withdrawWarning")}
        </Alert>
      )}
      <Group>
        <Button type="submit" color={withdrawing ? "red" : undefined} disabled={saving || (!consent && !withdrawing)}>
          {withdrawing ? t("form.withdraw") : t("form.save")}
        </Button>
      </Group>
    </Stack>
  );
}
