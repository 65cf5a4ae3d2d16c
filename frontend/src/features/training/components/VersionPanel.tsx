import { Button, Group, Stack, Table, Text, Textarea, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { DateTime } from "../../../components/DateTime";
import { ErrorMessage, inputError } from "../../../components/ErrorMessage";
import { Loading } from "../../../components/Loading";
import { ApiError } from "../../../lib/api/errors";
import { capabilities, useMe } from "../../../lib/session";
import { usePublish, useRollback, useVersionDetail } from "../hooks/useLoop";
import { figures, percent } from "./metrics";
import { VersionStatusBadge } from "./StatusBadge";

/** A version's evaluation, lineage and publish audit, with gated publish and rollback. */
export function VersionPanel({ id }: { id: number }) {
  const detail = useVersionDetail(id);
  const publish = usePublish();
  const rollback = useRollback();
  const canPublish = capabilities(useMe().data).publish;
  const [reason, setReason] = useState("");
  const { t } = useTranslation("training");
  const refusal = publish.error instanceof ApiError ? publish.error.fieldErrors("gates") : [];

  if (detail.isPending) return <Loading />;
  if (!detail.data) return <ErrorMessage error={detail.error} />;
  const { version, lineage, decisions } = detail.data;
  const f = figures(version.metrics);
  const published = version.status === "published";
  const wasPublished = version.published_at !== null;
  const evaluation: [string, number | null, boolean][] = [
    [t("version.preference"), f.preference, false],
    [t("version.llmbar"), f.llmbar, false],
    ...f.llmbarSubsets.map(([name, value]): [string, number, boolean] => [t("version.llmbarSubset", { name }), value, true]),
    [t("version.hazard"), f.hazard, false],
    [t("version.constitution"), f.constitution, false],
  ];

  return (
    <Stack component="section" aria-labelledby={`version-${id}-heading`}>
      <Title order={2} id={`version-${id}-heading`}>
        {t("version.heading", { line: version.line, number: version.number })}{" "}
        <VersionStatusBadge status={version.status} />
      </Title>
      <Table variant="vertical" withTableBorder captionSide="top" maw={520}>
        <Table.Caption>{t("version.evaluation")}</Table.Caption>
        <Table.Tbody>
          {evaluation.map(([name, value, subset]) => (
            <Table.Tr key={name}>
              <Table.Th scope="row" c={subset ? "dimmed" : undefined} pl={subset ? "xl" : undefined}>
                {name}
              </Table.Th>
              <Table.Td>{percent(value)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text c="dimmed">
        {t("version.lineage", {
          versions: lineage
            .map((v) =>
              v.line === version.line
                ? t("version.lineageVersion", { number: v.number })
                : t("version.lineageOtherLine", { line: v.line, number: v.number }),
            )
            .join(" ← "),
        })}
      </Text>
      {canPublish && !published && (
        <Stack gap="xs">
          <Textarea
            label={t("version.overrideReason")}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            rows={3}
            error={inputError(refusal)}
          />
          <Group>
            {!wasPublished && (
              <Button disabled={publish.isPending} onClick={() => publish.mutate({ id, reason })}>
                {t("version.publish", { number: version.number })}
              </Button>
            )}
            {wasPublished && (
              <Button variant="default" disabled={rollback.isPending} onClick={() => rollback.mutate({ id, reason })}>
                {t("version.rollback", { number: version.number })}
              </Button>
            )}
          </Group>
          {!(publish.error instanceof ApiError && refusal.length > 0) && <ErrorMessage error={publish.error} />}
          <ErrorMessage error={rollback.error} />
        </Stack>
      )}
      {decisions.length > 0 && (
        <Table.ScrollContainer minWidth={560}>
          <Table captionSide="top">
            <Table.Caption>{t("version.decisions")}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("version.when")}</Table.Th>
                <Table.Th scope="col">{t("version.action")}</Table.Th>
                <Table.Th scope="col">{t("version.by")}</Table.Th>
                <Table.Th scope="col">{t("version.reason")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {decisions.map((d) => (
                <Table.Tr key={d.id}>
                  <Table.Td>
                    <DateTime value={d.created_at} />
                  </Table.Td>
                  <Table.Td>{t(`version.actions.${d.action}`)}</Table.Td>
                  <Table.Td>{d.actor ?? t("version.automatic")}</Table.Td>
                  <Table.Td style={{ overflowWrap: "anywhere" }}>
                    {[d.reason, ...(Array.isArray(d.gate_failures) ? d.gate_failures : [])].filter(Boolean).join(" ")}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
