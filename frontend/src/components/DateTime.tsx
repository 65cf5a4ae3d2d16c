import { Text } from "@mantine/core";
import { formatDateTime } from "../lib/format";

/** A <time> element showing an ISO timestamp in the reader's locale (lib/format.ts). */
export function DateTime({ value }: { value: string | null }) {
  if (!value) return <Text span c="dimmed">—</Text>;
  if (Number.isNaN(new Date(value).getTime())) return <span>{value}</span>;
  return <time dateTime={value}>{formatDateTime(value)}</time>;
}
