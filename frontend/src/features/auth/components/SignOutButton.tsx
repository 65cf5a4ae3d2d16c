import { Button } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useLogout } from "../hooks/useSession";

export function SignOutButton() {
  const { t } = useTranslation("auth");
  const logout = useLogout();
  return (
    <Button variant="default" size="xs" onClick={() => logout.mutate()} disabled={logout.isPending}>
      {t("signOut")}
    </Button>
  );
}
