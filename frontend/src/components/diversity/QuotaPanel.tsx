import { Accordion, Button, Fieldset, Group, NativeSelect, NumberInput, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import type { TFunction } from "i18next";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import {
  GROUP_FIELDS,
  percent,
  useQuotas,
  useSaveQuotas,
  type GroupField,
  type QuotaActivity,
  type QuotaInput,
  type QuotaReport,
} from "../../lib/diversity";
import { formatCount } from "../../lib/format";
import { EmptyState } from "../EmptyState";
import { ErrorMessage } from "../ErrorMessage";
import { Loading } from "../Loading";

const isGroupField = (field: string): field is GroupField => GROUP_FIELDS.some((f) => f.value === field);

/** A field's name from the catalogue; a field this client does not know yet shows as sent. */
const fieldLabel = (field: string, t: TFunction<"diversity">) => (isGroupField(field) ? t(`fields.${field}`) : field);

type Draft = { field: GroupField; value: string; min_count: string; max_count: string; min_share: string; max_share: string };

const blank: Draft = { field: "region", value: "", min_count: "", max_count: "", min_share: "", max_share: "" };

const text = (x: number | null) => (x === null ? "" : String(x));
const shareText = (x: number | null) => (x === null ? "" : String(Math.round(x * 1000) / 10));

function draftsOf(report: QuotaReport): Draft[] {
  return report.quotas.map((q) => ({
    field: q.field,
    value: q.value,
    min_count: text(q.min_count),
    max_count: text(q.max_count),
    min_share: shareText(q.min_share),
    max_share: shareText(q.max_share),
  }));
}

const count = (s: string) => (s.trim() === "" ? null : Number(s));
const share = (s: string) => (s.trim() === "" ? null : Number(s) / 100);

function toInput(draft: Draft): QuotaInput {
  return {
    field: draft.field,
    value: draft.value,
    min_count: count(draft.min_count),
    max_count: count(draft.max_count),
    min_share: share(draft.min_share),
    max_share: share(draft.max_share),
  };
}

function QuotaEditor({ activity, objectId, report }: { activity: QuotaActivity; objectId: number; report: QuotaReport }) {
  const save = useSaveQuotas(activity, objectId);
  const [drafts, setDrafts] = useState<Draft[]>(() => draftsOf(report));
  const [planned, setPlanned] = useState(text(report.planned_total));
  const { t } = useTranslation("diversity");
  const change = (index: number, patch: Partial<Draft>) =>
    setDrafts((rows) => rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({ planned_total: count(planned), quotas: drafts.map(toInput) });
  };
  // NumberInput reports a number, or "" when emptied; drafts keep text, as typed.
  const number = (index: number, key: "min_count" | "max_count" | "min_share" | "max_share") => (value: number | string) =>
    change(index, { [key]: String(value) });
  const fields = GROUP_FIELDS.map((f) => ({ value: f.value, label: t(`fields.${f.value}`) }));
  return (
    <Stack component="form" onSubmit={submit} aria-label={t("quotas.edit")}>
      <NumberInput
        label={t("quotas.plannedTotal", { unit: report.unit })}
        min={1}
        allowDecimal={false}
        allowNegative={false}
        value={planned}
        onChange={(value) => setPlanned(String(value))}
        maw="24rem"
      />
      {drafts.map((draft, index) => (
        <Fieldset key={index} legend={t("quotas.quota", { number: index + 1 })}>
          <Group align="flex-end" gap="sm">
            <NativeSelect
              label={t("quotas.field")}
              value={draft.field}
              onChange={(e) => change(index, { field: e.currentTarget.value as GroupField })}
              data={fields}
            />
            <TextInput
              label={t("quotas.value")}
              value={draft.value}
              required
              withAsterisk={false}
              placeholder={t("quotas.valueExample")}
              onChange={(e) => change(index, { value: e.currentTarget.value })}
            />
            <NumberInput
              label={t("quotas.minCount")}
              min={0}
              allowDecimal={false}
              allowNegative={false}
              value={draft.min_count}
              onChange={number(index, "min_count")}
              w="7rem"
            />
            <NumberInput
              label={t("quotas.maxCount")}
              min={0}
              allowDecimal={false}
              allowNegative={false}
              value={draft.max_count}
              onChange={number(index, "max_count")}
              w="7rem"
            />
            <NumberInput
              label={t("quotas.minShare")}
              min={0}
              max={100}
              allowNegative={false}
              value={draft.min_share}
              onChange={number(index, "min_share")}
              w="7rem"
            />
            <NumberInput
              label={t("quotas.maxShare")}
              min={0}
              max={100}
              allowNegative={false}
              value={draft.max_share}
              onChange={number(index, "max_share")}
              w="7rem"
            />
            <Button variant="default" onClick={() => setDrafts((rows) => rows.filter((_, i) => i !== index))}>
              {t("quotas.remove")}
            </Button>
          </Group>
        </Fieldset>
      ))}
      <Group>
        <Button variant="default" onClick={() => setDrafts((rows) => [...rows, blank])}>
          {t("quotas.add")}
        </Button>
        <Button type="submit" disabled={save.isPending}>
          {t("quotas.save")}
        </Button>
      </Group>
      <ErrorMessage error={save.error} />
      {save.isSuccess && <Text role="status">{t("quotas.saved")}</Text>}
    </Stack>
  );
}

/** A researcher's panel on a campaign, question set or round: each group's fill against its
 * quota, every group's submissions by field, and the quotas' editor. */
export function QuotaPanel({ activity, objectId }: { activity: QuotaActivity; objectId: number }) {
  const quotas = useQuotas(activity, objectId);
  const { t } = useTranslation("diversity");
  return (
    <Stack component="section" aria-labelledby={`quotas-${activity}-${objectId}`}>
      <Title order={2} id={`quotas-${activity}-${objectId}`}>
        {t("quotas.title")}
      </Title>
      {quotas.isPending && <Loading />}
      <ErrorMessage error={quotas.error} />
      {quotas.data && (
        <>
          <Text>
            {quotas.data.planned === null
              ? t("quotas.summary", { total: formatCount(quotas.data.total), unit: quotas.data.unit })
              : t("quotas.summaryPlanned", {
                  total: formatCount(quotas.data.total),
                  unit: quotas.data.unit,
                  planned: formatCount(quotas.data.planned),
                })}
          </Text>
          {quotas.data.quotas.length > 0 ? (
            <Table.ScrollContainer minWidth={640}>
              <Table aria-label={t("quotas.fill")}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t("quotas.group")}</Table.Th>
                    <Table.Th>{quotas.data.unit}</Table.Th>
                    <Table.Th>{t("quotas.share")}</Table.Th>
                    <Table.Th>{t("quotas.minimum")}</Table.Th>
                    <Table.Th>{t("quotas.maximum")}</Table.Th>
                    <Table.Th>{t("quotas.state")}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {quotas.data.quotas.map((q) => (
                    <Table.Tr key={`${q.field}:${q.value}`}>
                      <Table.Td>{t("quotas.groupValue", { field: fieldLabel(q.field, t), value: q.value })}</Table.Td>
                      <Table.Td>{formatCount(q.count)}</Table.Td>
                      <Table.Td>{percent(q.share)}</Table.Td>
                      <Table.Td>{q.minimum === null ? t("quotas.none") : formatCount(q.minimum)}</Table.Td>
                      <Table.Td>{q.maximum === null ? t("quotas.none") : formatCount(q.maximum)}</Table.Td>
                      <Table.Td c={q.fill_state === "full" ? "red.9" : undefined} fw={q.fill_state === "full" ? 600 : undefined}>
                        {t(`quotas.states.${q.fill_state}`)}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          ) : (
            <EmptyState>{t("quotas.empty")}</EmptyState>
          )}
          <Accordion variant="contained">
            <Accordion.Item value="submissions">
              <Accordion.Control>{t("quotas.submissions")}</Accordion.Control>
              <Accordion.Panel>
                {quotas.data.groups.length > 0 ? (
                  <Table.ScrollContainer minWidth={480}>
                    <Table aria-label={t("quotas.submissions")}>
                      <Table.Thead>
                        <Table.Tr>
                          <Table.Th>{t("quotas.field")}</Table.Th>
                          <Table.Th>{t("quotas.group")}</Table.Th>
                          <Table.Th>{quotas.data.unit}</Table.Th>
                          <Table.Th>{t("quotas.share")}</Table.Th>
                        </Table.Tr>
                      </Table.Thead>
                      <Table.Tbody>
                        {quotas.data.groups.map((g) => (
                          <Table.Tr key={`${g.field}:${g.value}`}>
                            <Table.Td>{fieldLabel(g.field, t)}</Table.Td>
                            <Table.Td>{g.value}</Table.Td>
                            <Table.Td>{formatCount(g.count)}</Table.Td>
                            <Table.Td>{percent(g.share)}</Table.Td>
                          </Table.Tr>
                        ))}
                      </Table.Tbody>
                    </Table>
                  </Table.ScrollContainer>
                ) : (
                  <EmptyState>{t("quotas.noSubmissions", { unit: quotas.data.unit })}</EmptyState>
                )}
              </Accordion.Panel>
            </Accordion.Item>
          </Accordion>
          <QuotaEditor key={quotas.dataUpdatedAt} activity={activity} objectId={objectId} report={quotas.data} />
        </>
      )}
    </Stack>
  );
}
