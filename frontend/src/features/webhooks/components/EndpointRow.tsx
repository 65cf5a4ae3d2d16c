import { Button, Code, Group, List, Table, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { DateTime } from "../../../components/DateTime";
import { ErrorMessage } from "../../../components/ErrorMessage";
import type { Endpoint } from "../api/webhooks";
import { useChangeEndpoint, useDeleteEndpoint, useSendTestEvent } from "../hooks/useWebhooks";
import { StatusBadge } from "../../../components/StatusBadge";

type Props = { endpoint: Endpoint; selected: boolean; onSelect: () => void };

/** One endpoint with its actions: disable or enable, send a test event, show its log, delete. */
export function EndpointRow({ endpoint, selected, onSelect }: Props) {
  const change = useChangeEndpoint(endpoint.id);
  const remove = useDeleteEndpoint(endpoint.id);
  const test = useSendTestEvent(endpoint.id);
  const [confirming, setConfirming] = useState(false);
  const { t } = useTranslation("webhooks");

  function sendTest() {
    test.mutate(undefined, { onSuccess: onSelect });
  }

  return (
    <Table.Tr aria-current={selected ? "true" : undefined}>
      <Table.Td>
        <Code style={{ overflowWrap: "anywhere" }}>{endpoint.url}</Code>
        {endpoint.description && (
          <Text size="sm" c="dimmed">
            {endpoint.description}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <List listStyleType="none" spacing={4}>
          {endpoint.event_types.map((type) => (
            <List.Item key={type}>
              <Code>{type}</Code>
            </List.Item>
          ))}
        </List>
      </Table.Td>
      <Table.Td>
        <StatusBadge tone={endpoint.active ? "good" : "idle"}>
          {endpoint.active ? t("row.active") : t("row.disabled")}
        </StatusBadge>
      </Table.Td>
      <Table.Td>
        {endpoint.created_by ?? (
          <Text span c="dimmed" inherit>
            {t("row.unknownAuthor")}
          </Text>
        )}
        <Text size="sm" c="dimmed">
          <DateTime value={endpoint.created_at} />
        </Text>
      </Table.Td>
      <Table.Td>
        <Group gap="xs">
          <Button size="xs" variant={selected ? "light" : "default"} onClick={onSelect} aria-pressed={selected}>
            {t("row.deliveryLog")}
          </Button>
          <Button size="xs" variant="default" onClick={sendTest} disabled={test.isPending}>
            {t("row.sendTest")}
          </Button>
          <Button
            size="xs"
            variant="default"
            onClick={() => change.mutate({ active: !endpoint.active })}
            disabled={change.isPending}
          >
            {endpoint.active ? t("row.disable") : t("row.enable")}
          </Button>
          {confirming ? (
            <>
              <Button size="xs" color="red.9" onClick={() => remove.mutate()} disabled={remove.isPending}>
                {t("row.deleteForGood")}
              </Button>
              <Button size="xs" variant="default" onClick={() => setConfirming(false)}>
                {t("row.keep")}
              </Button>
            </>
          ) : (
            <Button size="xs" variant="default" onClick={() => setConfirming(true)}>
              {t("row.delete")}
            </Button>
          )}
        </Group>
        <ErrorMessage error={change.error ?? remove.error ?? test.error} />
      </Table.Td>
    </Table.Tr>
  );
}
