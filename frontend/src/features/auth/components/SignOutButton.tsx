import { useTranslation } from "react-i18next";
import { useLogout } from "../hooks/useSession";

export function SignOutButton() {
  const { t } = useTranslation("auth");
  const logout = useLogout();
  return (
    <button type="button" onClick={() => logout.mutate()} disabled={logout.isPending}>
      {t("signOut")}
    </button>
  );
}
