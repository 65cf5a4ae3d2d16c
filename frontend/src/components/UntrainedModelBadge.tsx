/**
 * Marks text written by the untrained demo model (a version built from the tiny config: the API
 * says so with `untrained_model`), so nobody mistakes its random bytes for a real model's output.
 */
import { useTranslation } from "react-i18next";

export function UntrainedModelBadge() {
  const { t } = useTranslation();
  return (
    <span className="badge badge-untrained" title={t("untrained.explanation")}>
      {t("untrained.badge")}
    </span>
  );
}
