import { ColorSwatch, Group } from "@mantine/core";

/** A chart's colours named in HTML: wraps on narrow screens, so labels never overlap. */
export function ChartLegend({ label, entries }: { label: string; entries: { name: string; colour: string }[] }) {
  return (
    <Group component="ul" gap="md" m={0} p={0} style={{ listStyle: "none" }} aria-label={label}>
      {entries.map(({ name, colour }) => (
        <Group component="li" key={name} gap={6} wrap="nowrap">
          <ColorSwatch color={colour} size={10} radius={0} withShadow={false} aria-hidden />
          {name}
        </Group>
      ))}
    </Group>
  );
}
