import { Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { Loading } from "../../../components/Loading";
import { useMe } from "../../../lib/session";
import { useEraseProfile, useProfile, useUpdateProfile } from "../hooks/useProfile";
import { DataControls } from "./DataControls";
import { MyTrust } from "./MyTrust";
import { ProfileForm } from "./ProfileForm";

export function ProfilePage() {
  const me = useMe();
  const profile = useProfile();
  const update = useUpdateProfile();
  const erase = useEraseProfile();
  const { t } = useTranslation("profile");

  return (
    <Stack component="main" gap="xl">
      <Title order={1}>{t("page.title")}</Title>
      {profile.isPending && <Loading />}
      <ErrorMessage error={profile.error} />
      {profile.data && (
        <>
          {/* Remount on every server change so the form shows what is stored. */}
          <ProfileForm
            key={JSON.stringify(profile.data)}
            profile={profile.data}
            onSave={(changes) => {
              erase.reset();
              update.mutate(changes);
            }}
            onWithdraw={() => {
              update.reset();
              erase.mutate();
            }}
            saving={update.isPending || erase.isPending}
            error={update.error}
          />
          <Text role="status" c="teal.9" fw={500}>
            {update.isSuccess && t("page.saved")}
            {erase.isSuccess && t("page.erased")}
          </Text>
          <DataControls username={me.data?.username ?? "me"} erase={erase} />
        </>
      )}
      <MyTrust />
    </Stack>
  );
}
