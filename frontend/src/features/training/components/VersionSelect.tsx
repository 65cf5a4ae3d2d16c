import { useTranslation } from "react-i18next";
import { FieldErrors } from "../../../components/ErrorMessage";
import { useLineVersions } from "../hooks/useLoop";

/**
 * A version chosen by line and number ("debater v3"), never typed as a database id; the value
 * handed back is the version's id, which the API takes.
 */
export function VersionSelect({
  label,
  line,
  value,
  onChange,
  emptyLabel,
  errors,
  errorsId,
}: {
  label: string;
  line: string;
  value: string;
  onChange: (id: string) => void;
  emptyLabel: string;
  errors: string[];
  errorsId: string;
}) {
  const versions = useLineVersions(line);
  const { t } = useTranslation("training");
  return (
    <label className="field">
      {label}
      <select value={value} onChange={(e) => onChange(e.target.value)} disabled={!line}>
        <option value="">{emptyLabel}</option>
        {versions.data?.results.map((v) => (
          <option key={v.id} value={String(v.id)}>
            {t("versionOption", { line: v.line, number: v.number, status: t(`versionStatus.${v.status}`) })}
          </option>
        ))}
      </select>
      <FieldErrors id={errorsId} messages={errors} />
    </label>
  );
}
