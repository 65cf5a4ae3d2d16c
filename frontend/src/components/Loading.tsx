import { useTranslation } from "react-i18next";

export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <p role="status" className="muted">
      {label ?? t("loading")}
    </p>
  );
}
