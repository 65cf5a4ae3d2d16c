import { Anchor, Group, Stack, Table, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { NavLink, useParams } from "react-router";
import { EmptyState } from "../../../components/EmptyState";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { Loading } from "../../../components/Loading";
import { formatCount, formatDateTime, formatNumber } from "../../../lib/format";
import { capabilities, useMe } from "../../../lib/session";
import type { Policy } from "../api/policies";
import { useLines, usePolicy } from "../hooks/usePolicies";
import { GATES } from "./gates";
import { PolicyForm } from "./PolicyForm";

function PolicySummary({ policy }: { policy: Policy }) {
  const { t } = useTranslation("policies");
  return (
    <Stack>
      <Table variant="vertical" withTableBorder captionSide="top" maw={720}>
        <Table.Caption>{t("gates.title")}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("gates.gate")}</Table.Th>
            <Table.Th scope="col">{t("gates.threshold")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {GATES.map((gate) => {
            const threshold = policy.gates[gate];
            return (
              <Table.Tr key={gate}>
                <Table.Th scope="row">{t(`gates.${gate}`)}</Table.Th>
                <Table.Td>
                  {threshold == null ? (
                    <Text span c="dimmed">
                      {t("gates.unchecked")}
                    </Text>
                  ) : (
                    formatNumber(threshold)
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      <Title order={3}>{t("trigger.title")}</Title>
      <Text>
        {policy.auto_train
          ? t("trigger.on", {
              minutes: formatCount(policy.check_every_minutes),
              recipe: t(`recipes.${policy.recipe}`),
              signals: formatCount(policy.min_new_signals),
            }) + t(policy.auto_publish ? "trigger.publishes" : "trigger.drafts")
          : t("trigger.off")}
        {policy.last_checked_at && t("trigger.lastChecked", { at: formatDateTime(policy.last_checked_at) })}
      </Text>
    </Stack>
  );
}

/** Each line's publishing gates and training trigger; admins change them. */
export function PoliciesPage() {
  const { slug } = useParams();
  const lines = useLines();
  const chosen = slug ?? lines.data?.results[0]?.slug ?? null;
  const policy = usePolicy(chosen);
  const canEdit = capabilities(useMe().data).train;
  const { t } = useTranslation("policies");

  return (
    <Stack component="main">
      <Title order={1}>{t("title")}</Title>
      <Text>{t("intro")}</Text>
      {lines.isPending && <Loading />}
      <ErrorMessage error={lines.error} />
      {lines.data && lines.data.results.length === 0 && <EmptyState>{t("noLines")}</EmptyState>}
      {lines.data && lines.data.results.length > 0 && (
        <Group component="nav" aria-label={t("linesLabel")}>
          {lines.data.results.map((line) => (
            <Anchor
              component={NavLink}
              key={line.slug}
              to={`/policies/${line.slug}`}
              aria-current={line.slug === chosen ? "page" : undefined}
              fw={line.slug === chosen ? 700 : undefined}
            >
              {line.name}
            </Anchor>
          ))}
        </Group>
      )}
      {chosen && (
        <Stack component="section" aria-labelledby="policy-heading">
          <Title order={2} id="policy-heading">
            {t("heading", { line: chosen })}
          </Title>
          {policy.isPending && <Loading />}
          <ErrorMessage error={policy.error} />
          {policy.data && <PolicySummary policy={policy.data} />}
          {policy.data && canEdit && <PolicyForm key={policy.data.line} policy={policy.data} />}
        </Stack>
      )}
    </Stack>
  );
}
