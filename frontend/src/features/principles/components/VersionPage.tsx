import { Anchor, Badge, Code, List, NativeSelect, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { DateTime } from "../../../components/DateTime";
import { EmptyState } from "../../../components/EmptyState";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { Loading } from "../../../components/Loading";
import { formatCount, formatNumber } from "../../../lib/format";
import { useDiff, useVersion, useVersions } from "../hooks/usePrinciples";
import { percent } from "./percent";
import { audienceLabel, PrincipleList } from "./PrincipleList";

/** Long principle text wraps inside the page at any width. */
const WRAP = { whiteSpace: "pre-wrap", overflowWrap: "anywhere" } as const;

/** One constitution version: its text, a diff against any earlier version, and its changelog. */
export function VersionPage() {
  const number = Number(useParams().number);
  const version = useVersion(Number.isInteger(number) ? number : null);
  const versions = useVersions();
  const earlier = (versions.data ?? []).filter((v) => v.number < number);
  const [against, setAgainst] = useState<number | null>(number > 1 ? number - 1 : null);
  const diff = useDiff(number, against);
  const { t } = useTranslation("principles");
  const changed = diff.data?.filter((row) => row.change !== "unchanged") ?? [];

  return (
    <Stack component="main">
      <Anchor component={Link} to="/principles">
        {t("allPrinciples")}
      </Anchor>
      <Title order={1}>{t("version.title", { number })}</Title>
      {version.isPending && <Loading />}
      <ErrorMessage error={version.error} />
      {version.data && (
        <>
          <Text c="dimmed">
            <DateTime value={version.data.created_at} /> {version.data.summary}
            {version.data.is_current && t("version.inForce")}
          </Text>
          <Stack component="section" aria-labelledby="changelog-heading">
            <Title order={2} id="changelog-heading">
              {t("version.changelog")}
            </Title>
            {version.data.changelog.length === 0 ? (
              <EmptyState>{t("version.firstVersion")}</EmptyState>
            ) : (
              <List spacing="sm" listStyleType="none" ps={0}>
                {version.data.changelog.map(({ proposal, stats }) => (
                  <List.Item key={proposal.id} style={{ overflowWrap: "anywhere" }}>
                    <strong>
                      {t(`actions.${proposal.action}`)} <Code>{proposal.principle_key}</Code>
                    </strong>
                    {proposal.ai_authored && (
                      <Badge variant="light" ml="xs">
                        {t("version.aiAuthored")}
                      </Badge>
                    )}
                    : {proposal.rationale}{" "}
                    <Text span c="dimmed" size="sm">
                      {t("version.stats", {
                        votes: formatCount(stats.votes),
                        agree: formatCount(stats.agree),
                        disagree: formatCount(stats.disagree),
                        passes: formatCount(stats.passes),
                        agreement: percent(stats.agreement),
                        weakest: percent(stats.min_group_agreement),
                        consensus: stats.consensus === null ? t("noValue") : formatNumber(stats.consensus),
                      })}
                    </Text>
                  </List.Item>
                ))}
              </List>
            )}
          </Stack>
          {earlier.length > 0 && (
            <Stack component="section" aria-labelledby="diff-heading">
              <Title order={2} id="diff-heading">
                {t("version.changes")}
              </Title>
              <NativeSelect
                id="diff-against"
                label={t("version.compare")}
                value={against === null ? "" : String(against)}
                onChange={(e) => setAgainst(Number(e.currentTarget.value))}
                data={earlier.map((v) => ({ value: String(v.number), label: String(v.number) }))}
                maw="20rem"
              />
              <ErrorMessage error={diff.error} />
              {diff.data && (
                <List spacing="sm" listStyleType="none" ps={0} aria-label={t("version.differences")}>
                  {changed.map((row) => (
                    <List.Item key={row.key}>
                      <strong>
                        {t(`changes.${row.change}`)}: <Code>{row.key}</Code>
                      </strong>
                      {row.before && (
                        <Text style={WRAP}>
                          <del>{row.before.text}</del>
                        </Text>
                      )}
                      {row.after && (
                        <Text style={WRAP}>
                          <ins>{row.after.text}</ins>{" "}
                          <Text span c="dimmed" size="sm">
                            ({audienceLabel(row.after.audience, t)})
                          </Text>
                        </Text>
                      )}
                    </List.Item>
                  ))}
                  {changed.length === 0 && (
                    <List.Item>
                      <EmptyState>{t("version.noDifferences")}</EmptyState>
                    </List.Item>
                  )}
                </List>
              )}
            </Stack>
          )}
          <Stack component="section" aria-labelledby="text-heading">
            <Title order={2} id="text-heading">
              {t("version.text")}
            </Title>
            <PrincipleList principles={version.data.principles} />
          </Stack>
        </>
      )}
    </Stack>
  );
}
