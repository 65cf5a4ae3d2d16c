import { Badge, Button, Checkbox, Group, Input, Radio, SimpleGrid, Slider, Text, Textarea } from "@mantine/core";
import { forwardRef } from "react";
import { useTranslation } from "react-i18next";
import { FieldErrors, inputError } from "../../../components/ErrorMessage";
import type { LabelItem } from "../api/hazards";
import type { LabelForm, Verdict } from "../hooks/useLabelForm";

const VERDICTS: readonly Verdict[] = ["harmful", "safe", "refusal"];

export function VerdictField({ form }: { form: LabelForm }) {
  const { t } = useTranslation("hazards");
  return (
    <Radio.Group
      label={t("fields.verdict")}
      value={form.verdict}
      onChange={(value) => form.choose(value as Verdict)}
      error={inputError(form.fieldErrors("verdict"))}
    >
      <Group gap="lg" mt="xs">
        {VERDICTS.map((value) => (
          <Radio key={value} value={value} label={t(`fields.verdicts.${value}`)} />
        ))}
      </Group>
    </Radio.Group>
  );
}

export function CategoriesField({ form, taxonomy }: { form: LabelForm; taxonomy: LabelItem["taxonomy"] }) {
  const { t } = useTranslation("hazards");
  return (
    <Checkbox.Group
      label={t("fields.categories")}
      value={form.categories}
      // The group reports the whole new selection; the form (and keys 1-9) toggle one code.
      onChange={(next) => {
        const changed = next.find((c) => !form.categories.includes(c)) ?? form.categories.find((c) => !next.includes(c));
        if (changed) form.toggle(changed);
      }}
      error={inputError(form.fieldErrors("categories"))}
    >
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm" mt="xs">
        {taxonomy.categories.map((category, index) => (
          <Checkbox
            key={category.code}
            value={category.code}
            label={index < 9 ? `${t("fields.numbered", { n: index + 1 })} ${category.name}` : category.name}
            description={category.definition}
          />
        ))}
      </SimpleGrid>
    </Checkbox.Group>
  );
}

export function SeverityField({ form, taxonomy }: { form: LabelForm; taxonomy: LabelItem["taxonomy"] }) {
  const { t } = useTranslation("hazards");
  const level = taxonomy.severity_scale.find((l) => l.level === form.severity);
  const value = level?.label
    ? t("fields.severityValue", { level: form.severity, label: level.label })
    : String(form.severity);
  return (
    <Input.Wrapper
      labelElement="div"
      label={
        <Group gap="xs" component="span">
          {t("fields.severity")}
          <Badge variant="light" tt="none" aria-hidden>
            {value}
          </Badge>
        </Group>
      }
      error={inputError(form.fieldErrors("severity"))}
    >
      <Slider
        mt="xs"
        mb="lg"
        min={0}
        max={form.maxSeverity}
        step={1}
        value={form.severity}
        onChange={form.setSeverity}
        marks={taxonomy.severity_scale.map((l) => ({ value: l.level, label: String(l.level) }))}
        thumbLabel={t("fields.severity")}
        thumbValueText={() => value}
      />
    </Input.Wrapper>
  );
}

export function SpansField({ form }: { form: LabelForm }) {
  const { t } = useTranslation("hazards");
  const spans =
    form.spans.length === 0
      ? t("fields.noSpans")
      : form.spans.map(([start, end]) => t("fields.span", { start, end })).join(", ");
  return (
    <>
      <Group gap="sm">
        <Text size="sm" c="dimmed">
          {t("fields.spans", { spans })}
        </Text>
        {form.spans.length > 0 && (
          <Button size="compact-sm" variant="default" onClick={form.clearSpans}>
            {t("fields.clearSpans")}
          </Button>
        )}
      </Group>
      <FieldErrors id="label-spans-errors" messages={form.fieldErrors("spans")} />
    </>
  );
}

export const RewriteField = forwardRef<HTMLTextAreaElement, { form: LabelForm }>(
  function RewriteField({ form }, ref) {
    const { t } = useTranslation("hazards");
    return (
      <Textarea
        ref={ref}
        label={t("fields.rewrite")}
        value={form.rewrite}
        onChange={(e) => form.setRewrite(e.currentTarget.value)}
        autosize
        minRows={4}
        maxRows={16}
        error={inputError(form.fieldErrors("rewrite"))}
      />
    );
  },
);
