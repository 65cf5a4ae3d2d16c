import { Badge, List, Stack, Table, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { DateTime } from "../../../components/DateTime";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { formatDateTime } from "../../../lib/format";
import type { ServingStatus } from "../api/registry";
import { useServing } from "../hooks/useRegistry";

type EndpointState = ServingStatus["endpoints"][number]["state"];

// Colour of the dot only (the "dot" badge keeps its label in the body text colour).
const STATE_COLOURS: Record<EndpointState, string> = {
  stopped: "gray",
  starting: "blue",
  ready: "green",
  draining: "orange",
  failed: "red",
};

/** Which version each served line's traffic goes to, and the state of every version server. */
export function ServingPanel() {
  const serving = useServing();
  const { t } = useTranslation("models");
  if (!serving.data || serving.data.lines.length === 0) {
    return <ErrorMessage error={serving.error} />;
  }
  const { routes, endpoints } = serving.data;
  return (
    <Stack component="section" aria-labelledby="serving-heading">
      <Title order={2} id="serving-heading">
        {t("serving.title")}
      </Title>
      <Text c="dimmed">{t("serving.intro", { context: serving.data.manager })}</Text>
      <List aria-label={t("serving.traffic")}>
        {serving.data.lines.map((line) => {
          const route = routes.find((r) => r.line === line);
          return (
            <List.Item key={line}>
              {route
                ? t("serving.route", { line, number: route.number, since: formatDateTime(route.switched_at) })
                : t("serving.unrouted", { line })}
            </List.Item>
          );
        })}
      </List>
      {endpoints.length > 0 && (
        <Table.ScrollContainer minWidth={640}>
          <Table captionSide="top">
            <Table.Caption>{t("serving.servers")}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("serving.version")}</Table.Th>
                <Table.Th scope="col">{t("serving.state")}</Table.Th>
                <Table.Th scope="col">{t("serving.where")}</Table.Th>
                <Table.Th scope="col">{t("serving.since")}</Table.Th>
                <Table.Th scope="col">{t("serving.lastError")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {endpoints.map((endpoint) => (
                <Table.Tr key={endpoint.version}>
                  <Table.Td>{endpoint.served_name}</Table.Td>
                  <Table.Td>
                    <Badge component="span" variant="dot" color={STATE_COLOURS[endpoint.state]} tt="none">
                      {t(`serving.states.${endpoint.state}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td style={{ overflowWrap: "anywhere" }}>
                    {endpoint.base_url
                      ? t("serving.at", { url: endpoint.base_url, agent: endpoint.agent })
                      : t("serving.none")}
                  </Table.Td>
                  <Table.Td>
                    <DateTime value={endpoint.state_since} />
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
                    {endpoint.error || t("serving.none")}
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
