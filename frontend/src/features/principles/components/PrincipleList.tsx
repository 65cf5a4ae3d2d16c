import { Code, Stack, Text, Title } from "@mantine/core";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { EmptyState } from "../../../components/EmptyState";
import type { Principle } from "../api/principles";

/** The audiences a principle is written for, in the order a version lists them. */
export const AUDIENCES = ["humans", "ai", "shared"] as const;
type Audience = (typeof AUDIENCES)[number];

function isAudience(value: string): value is Audience {
  return (AUDIENCES as readonly string[]).includes(value);
}

/** An audience's name; a value this page does not know shows as the server sent it. */
export function audienceLabel(value: string, t: TFunction<"principles">): string {
  return isAudience(value) ? t(`audiences.${value}`) : value;
}

/** A version's principles, grouped by audience, each with its stable id. */
export function PrincipleList({ principles }: { principles: Principle[] }) {
  const { t } = useTranslation("principles");
  if (principles.length === 0) return <EmptyState>{t("page.noPrinciples")}</EmptyState>;
  return (
    <Stack>
      {AUDIENCES.map((audience) => {
        const members = principles.filter((p) => p.audience === audience);
        if (members.length === 0) return null;
        return (
          <Stack component="section" key={audience} aria-label={t(`audiences.${audience}`)} gap="xs">
            <Title order={3}>{t(`audiences.${audience}`)}</Title>
            <Stack component="dl" gap="sm" m={0}>
              {members.map((p) => (
                <div key={p.key}>
                  <Text component="dt" fw={600} style={{ overflowWrap: "anywhere" }}>
                    {p.title} <Code>{p.key}</Code>
                  </Text>
                  <Text component="dd" ms={0} style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
                    {p.text}
                  </Text>
                </div>
              ))}
            </Stack>
          </Stack>
        );
      })}
    </Stack>
  );
}
