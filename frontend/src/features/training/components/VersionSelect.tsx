import { NativeSelect } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useLineVersions } from "../hooks/useLoop";
import { inputError } from "../../../components/ErrorMessage";

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
}: {
  label: string;
  line: string;
  value: string;
  onChange: (id: string) => void;
  emptyLabel: string;
  errors: string[];
}) {
  const versions = useLineVersions(line);
  const { t } = useTranslation("training");
  return (
    <NativeSelect
      label={label}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      disabled={!line}
      error={inputError(errors)}
    >
      <option value="">{emptyLabel}</option>
      {versions.data?.results.map((v) => (
        <option key={v.id} value={String(v.id)}>
          {t("versionOption", { line: v.line, number: v.number, status: t(`versionStatus.${v.status}`) })}
        </option>
      ))}
    </NativeSelect>
  );
}
