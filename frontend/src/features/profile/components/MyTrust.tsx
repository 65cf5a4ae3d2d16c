import { List, Stack, Text, Title } from "@mantine/core";
import { Trans, useTranslation } from "react-i18next";
import { DateTime } from "../../../components/DateTime";
import { EmptyState } from "../../../components/EmptyState";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { formatCount, formatPercent } from "../../../lib/format";
import { useMyTrust } from "../hooks/useProfile";

/** The activities that measure their raters; their names are `trust.activities` in
 * locales/en/profile.json. */
const ACTIVITIES = ["debates", "hazards", "principles"] as const;

/** The API types `activity` as any string: an activity whose name is not in the catalogue yet
 * shows its slug. */
function isNamed(activity: string): activity is (typeof ACTIVITIES)[number] {
  return (ACTIVITIES as readonly string[]).includes(activity);
}

/** The person's own trust per activity, with what it was computed from: the same figures
 * researchers see, so nobody is judged by a number they cannot read. */
export function MyTrust() {
  const trust = useMyTrust();
  const { t } = useTranslation("profile");
  return (
    <Stack component="section" aria-labelledby="my-trust">
      <Title order={2} id="my-trust">
        {t("trust.title")}
      </Title>
      <ErrorMessage error={trust.error} />
      {trust.data?.length === 0 && <EmptyState>{t("trust.empty")}</EmptyState>}
      {trust.data && trust.data.length > 0 && (
        <List spacing="xs">
          {trust.data.map((row) => (
            <List.Item key={row.activity}>
              <Trans
                t={t}
                i18nKey="trust.score"
                values={{
                  activity: isNamed(row.activity) ? t(`trust.activities.${row.activity}`) : row.activity,
                  score: formatPercent(row.score),
                }}
                components={{ strong: <strong /> }}
              />
              {row.gold_accuracy !== null && (
                <>
                  {" · "}
                  {t("trust.gold", { share: formatPercent(row.gold_accuracy), total: formatCount(row.gold_items) })}
                </>
              )}
              {row.agreement !== null && (
                <>
                  {" · "}
                  {t("trust.agreement", {
                    share: formatPercent(row.agreement),
                    total: formatCount(row.agreement_items),
                  })}
                </>
              )}
              {row.fast_share !== null && (
                <>
                  {" · "}
                  {t("trust.fast", { share: formatPercent(row.fast_share), total: formatCount(row.timed_submissions) })}
                </>
              )}{" "}
              <Text span c="dimmed">
                (<DateTime value={row.computed_at} />)
              </Text>
            </List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}
