import { Button, Code, Group, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { useState } from "react";
import { Trans, useTranslation } from "react-i18next";
import { EmptyState } from "../../../components/EmptyState";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { Loading } from "../../../components/Loading";
import type { CreatedEndpoint } from "../api/webhooks";
import { useEndpoints } from "../hooks/useWebhooks";
import { DeliveryLog } from "./DeliveryLog";
import { EndpointForm } from "./EndpointForm";
import { EndpointRow } from "./EndpointRow";

/** The secret of a just-registered endpoint: the API shows it this once. */
function SecretNotice({ endpoint, onDone }: { endpoint: CreatedEndpoint; onDone: () => void }) {
  const { t } = useTranslation("webhooks");
  return (
    <Paper component="section" withBorder p="md" role="status" aria-label={t("secret.label")}>
      <Stack>
        <Title order={2}>{t("secret.title")}</Title>
        <Text style={{ overflowWrap: "anywhere" }}>
          <Trans t={t} i18nKey="secret.body" values={{ url: endpoint.url }} components={{ code: <Code /> }} />
        </Text>
        <Code block style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
          {endpoint.secret}
        </Code>
        <Group>
          <Button onClick={onDone}>{t("secret.stored")}</Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/** Researchers' and admins' webhook endpoints: signed HTTPS callbacks on platform events. */
export function WebhooksPage() {
  const endpoints = useEndpoints();
  const [created, setCreated] = useState<CreatedEndpoint | null>(null);
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const selected = endpoints.data?.results.find((endpoint) => endpoint.id === selectedId) ?? null;
  const { t } = useTranslation("webhooks");

  return (
    <Stack component="main">
      <Title order={1}>{t("page.title")}</Title>
      <Text style={{ overflowWrap: "anywhere" }}>
        <Trans t={t} i18nKey="page.intro" components={{ code: <Code /> }} />
      </Text>
      {created && <SecretNotice endpoint={created} onDone={() => setCreated(null)} />}
      <EndpointForm onCreated={setCreated} />
      <Title order={2}>{t("page.endpoints")}</Title>
      {endpoints.isPending && <Loading />}
      <ErrorMessage error={endpoints.error} />
      {endpoints.data && endpoints.data.results.length === 0 && <EmptyState>{t("page.empty")}</EmptyState>}
      {endpoints.data && endpoints.data.results.length > 0 && (
        <Table.ScrollContainer minWidth="56rem" type="native">
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("page.url")}</Table.Th>
                <Table.Th scope="col">{t("page.events")}</Table.Th>
                <Table.Th scope="col">{t("page.state")}</Table.Th>
                <Table.Th scope="col">{t("page.addedBy")}</Table.Th>
                <Table.Th scope="col">{t("page.actions")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {endpoints.data.results.map((endpoint) => (
                <EndpointRow
                  key={endpoint.id}
                  endpoint={endpoint}
                  selected={endpoint.id === selectedId}
                  onSelect={() => setSelectedId(endpoint.id)}
                />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {selected && <DeliveryLog key={selected.id} endpoint={selected} />}
    </Stack>
  );
}
