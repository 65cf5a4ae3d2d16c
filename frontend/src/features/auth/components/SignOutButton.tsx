import { useLogout } from "../hooks/useSession";

export function SignOutButton() {
  const logout = useLogout();
  return (
    <button type="button" onClick={() => logout.mutate()} disabled={logout.isPending}>
      Sign out
    </button>
  );
}
