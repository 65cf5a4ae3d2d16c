import { Button, Code, Fieldset, Group, NativeSelect, SimpleGrid, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { DateTime } from "../../../components/DateTime";
import { EmptyState } from "../../../components/EmptyState";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { Loading } from "../../../components/Loading";
import { Pager, parsePage } from "../../../components/Pager";
import { formatCount } from "../../../lib/format";
import { AUDIT_ACTIONS, type AuditAction, type AuditFilters } from "../api/audit";
import { useAudit } from "../hooks/useAudit";

function isAction(value: string | null): value is AuditAction {
  return value !== null && value in AUDIT_ACTIONS;
}

/** The filters live in the address (?action=&actor=&since=&until=&page=), so a view can be shared. */
function filtersFrom(params: URLSearchParams): AuditFilters {
  const action = params.get("action");
  return {
    action: isAction(action) ? action : "",
    actor: params.get("actor") ?? "",
    since: params.get("since") ?? "",
    until: params.get("until") ?? "",
    page: parsePage(params.get("page")),
  };
}

function toParams(filters: AuditFilters): Record<string, string> {
  const entries = Object.entries(filters).filter(([key, value]) => value !== "" && !(key === "page" && value === 1));
  return Object.fromEntries(entries.map(([key, value]) => [key, String(value)]));
}

/** One log of consequential actions across the platform, filtered by action, person and dates. */
export function AuditLogPage() {
  const [params, setParams] = useSearchParams();
  const filters = filtersFrom(params);
  const log = useAudit(filters);
  const { t } = useTranslation("audit");
  const [draft, setDraft] = useState(filters);

  function apply(event: FormEvent) {
    event.preventDefault();
    setParams(toParams({ ...draft, page: 1 }));
  }

  return (
    <Stack component="main">
      <Title order={1}>{t("title")}</Title>
      <Text>{t("intro")}</Text>
      <form onSubmit={apply} aria-label={t("filters.label")}>
        <Fieldset legend={t("filters.label")}>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
            <NativeSelect
              label={t("filters.action")}
              value={draft.action}
              onChange={(e) => {
                const value = e.currentTarget.value;
                setDraft({ ...draft, action: isAction(value) ? value : "" });
              }}
              data={[
                { value: "", label: t("filters.everyAction") },
                ...Object.entries(AUDIT_ACTIONS).map(([value, label]) => ({ value, label: t(`actions.${label}`) })),
              ]}
            />
            <TextInput
              label={t("filters.actor")}
              value={draft.actor}
              onChange={(e) => setDraft({ ...draft, actor: e.currentTarget.value.trim() })}
            />
            <TextInput
              type="date"
              label={t("filters.since")}
              value={draft.since}
              onChange={(e) => setDraft({ ...draft, since: e.currentTarget.value })}
            />
            <TextInput
              type="date"
              label={t("filters.until")}
              value={draft.until}
              onChange={(e) => setDraft({ ...draft, until: e.currentTarget.value })}
            />
          </SimpleGrid>
          <Group mt="md">
            <Button type="submit">{t("filters.apply")}</Button>
          </Group>
        </Fieldset>
      </form>
      {log.isPending && <Loading />}
      <ErrorMessage error={log.error} />
      {log.data && (
        <Text c="dimmed">{t("count", { count: log.data.count, formatted: formatCount(log.data.count) })}</Text>
      )}
      {log.data && log.data.results.length === 0 && <EmptyState>{t("empty")}</EmptyState>}
      {log.data && log.data.results.length > 0 && (
        <Table.ScrollContainer minWidth="48rem" type="native">
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("columns.at")}</Table.Th>
                <Table.Th scope="col">{t("columns.actor")}</Table.Th>
                <Table.Th scope="col">{t("columns.action")}</Table.Th>
                <Table.Th scope="col">{t("columns.summary")}</Table.Th>
                <Table.Th scope="col">{t("columns.object")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {log.data.results.map((entry) => (
                <Table.Tr key={entry.id}>
                  <Table.Td>
                    <DateTime value={entry.at} />
                  </Table.Td>
                  <Table.Td>
                    {entry.actor ?? (
                      <Text span c="dimmed" inherit>
                        {t("platform")}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{t(`actions.${AUDIT_ACTIONS[entry.action]}`)}</Table.Td>
                  <Table.Td style={{ overflowWrap: "anywhere" }}>{entry.summary}</Table.Td>
                  <Table.Td>
                    <Code>
                      {entry.object_type}
                      {entry.object_id && ` ${entry.object_id}`}
                    </Code>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {log.data && (
        <Pager
          label={t("pages")}
          page={filters.page}
          hasPrevious={log.data.previous != null}
          hasNext={log.data.next != null}
          onPage={(page) => setParams(toParams({ ...filters, page }))}
        />
      )}
    </Stack>
  );
}
