import { Code, NativeSelect, Stack, Text, Title } from "@mantine/core";
import { Trans, useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { EmptyState } from "../../../components/EmptyState";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { Loading } from "../../../components/Loading";
import { Pager, parsePage } from "../../../components/Pager";
import { TRUST_ACTIVITIES } from "../api/trust";
import { useTrust } from "../hooks/useTrust";
import { TrustTable } from "./TrustTable";

/** Researchers' view of rater trust: every rater's latest score per activity (?activity=&page=). */
export function TrustPage() {
  const [params, setParams] = useSearchParams();
  const activity = params.get("activity") ?? "";
  const page = parsePage(params.get("page"));
  const trust = useTrust({ activity, page });
  const { t } = useTranslation("trust");

  return (
    <Stack component="main">
      <Title order={1}>{t("page.title")}</Title>
      <Text>
        <Trans t={t} i18nKey="page.intro" components={{ code: <Code /> }} />
      </Text>
      <NativeSelect
        label={t("page.activity")}
        value={activity}
        onChange={(e) => setParams(e.currentTarget.value ? { activity: e.currentTarget.value } : {})}
        data={[
          { value: "", label: t("page.everyActivity") },
          ...TRUST_ACTIVITIES.map((value) => ({ value, label: t(`activities.${value}`) })),
        ]}
        maw="20rem"
      />
      {trust.isPending && <Loading />}
      <ErrorMessage error={trust.error} />
      {trust.data && trust.data.results.length === 0 && <EmptyState>{t("page.empty")}</EmptyState>}
      {trust.data && trust.data.results.length > 0 && <TrustTable rows={trust.data.results} />}
      {trust.data && (
        <Pager
          label={t("page.pages")}
          page={page}
          hasPrevious={trust.data.previous != null}
          hasNext={trust.data.next != null}
          onPage={(next) => setParams({ ...(activity ? { activity } : {}), page: String(next) })}
        />
      )}
    </Stack>
  );
}
