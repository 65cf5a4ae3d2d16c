import { Alert, Anchor, Button, Code, DataList, Group, Progress, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { DateTime } from "../../../components/DateTime";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { Loading } from "../../../components/Loading";
import { ACTIVE_STATUSES, downloadUrl, type Study } from "../api/studies";
import { useCancelStudy, useLiveStudy } from "../hooks/useStudies";
import { ReportView } from "./ReportView";
import { StudyStatusBadge } from "./StudyStatusBadge";
import "./studies.css";

const wrapped = { whiteSpace: "pre-wrap", overflowWrap: "anywhere" } as const;

function Lineage({ study }: { study: Study }) {
  const { t } = useTranslation("studies");
  return (
    <DataList labelWidth="9rem" gap="xs">
      <DataList.Item>
        <DataList.ItemLabel>{t("lineage.params")}</DataList.ItemLabel>
        <DataList.ItemValue>
          <Code style={wrapped}>{JSON.stringify(study.params)}</Code>
        </DataList.ItemValue>
      </DataList.Item>
      <DataList.Item>
        <DataList.ItemLabel>{t("lineage.codeVersion")}</DataList.ItemLabel>
        <DataList.ItemValue>
          <Code style={wrapped}>{study.code_version || t("lineage.unknown")}</Code>
        </DataList.ItemValue>
      </DataList.Item>
      <DataList.Item>
        <DataList.ItemLabel>{t("lineage.steps")}</DataList.ItemLabel>
        <DataList.ItemValue>{t("lineage.stepCount", { count: study.steps_total })}</DataList.ItemValue>
      </DataList.Item>
      <DataList.Item>
        <DataList.ItemLabel>{t("lineage.snapshots")}</DataList.ItemLabel>
        <DataList.ItemValue>
          {study.snapshots.length === 0 ? (
            t("lineage.noneYet")
          ) : (
            <Group gap="xs">
              {study.snapshots.map((s) => (
                <Code key={s.id} title={s.content_hash}>
                  {s.content_hash.slice(0, 12) || s.status}
                </Code>
              ))}
            </Group>
          )}
        </DataList.ItemValue>
      </DataList.Item>
      <DataList.Item>
        <DataList.ItemLabel>{t("lineage.runs")}</DataList.ItemLabel>
        <DataList.ItemValue>
          {study.runs.length === 0 ? (
            t("lineage.noneYet")
          ) : (
            <Group gap="xs">
              {study.runs.map((id) => (
                <Anchor key={id} component={Link} to={`/training/runs/${id}`}>
                  #{id}
                </Anchor>
              ))}
            </Group>
          )}
        </DataList.ItemValue>
      </DataList.Item>
      <DataList.Item>
        <DataList.ItemLabel>{t("lineage.versions")}</DataList.ItemLabel>
        <DataList.ItemValue>{study.versions.map((v) => v.name).join(", ") || t("lineage.noneYet")}</DataList.ItemValue>
      </DataList.Item>
    </DataList>
  );
}

/** One study: live progress while it runs, then its report, downloads and a printable page. */
export function StudyPage() {
  const id = Number(useParams().id);
  const study = useLiveStudy(id);
  const cancel = useCancelStudy();
  const { t } = useTranslation("studies");

  if (study.isPending) return <Loading />;
  if (!study.data) return <ErrorMessage error={study.error} />;
  const s = study.data;
  const active = ACTIVE_STATUSES.has(s.status);
  const waiting = typeof s.waiting.reason === "string" ? s.waiting.reason : "";
  return (
    <Stack component="main" className="study-page">
      <Anchor component={Link} to="/studies" className="no-print">
        {t("page.allStudies")}
      </Anchor>
      <Title order={1}>{t("page.heading", { id: s.id, kind: s.kind })}</Title>
      <Group gap="xs">
        <Text>{t("page.status")}</Text>
        <StudyStatusBadge status={s.status} />
        {s.created_by && <Text>· {t("page.startedBy", { user: s.created_by })}</Text>}
        <Text>
          · <DateTime value={s.created_at} />
        </Text>
      </Group>
      {active && (
        <Stack gap="xs" className="no-print">
          <Text id="study-progress-label">{t("progress.label")}</Text>
          <Progress.Root size="lg">
            <Progress.Section
              value={s.steps_total > 0 ? (100 * s.step_index) / s.steps_total : 0}
              // The bar counts steps, not percent: its own aria values say so.
              withAria={false}
              role="progressbar"
              aria-labelledby="study-progress-label"
              aria-valuemin={0}
              aria-valuemax={s.steps_total}
              aria-valuenow={s.step_index}
              aria-valuetext={t("progress.short", { n: s.step_index + 1, total: s.steps_total, detail: s.step })}
            />
          </Progress.Root>
          <Text c="dimmed" aria-live="polite" style={wrapped}>
            {t("progress.long", {
              n: s.step_index + 1,
              total: s.steps_total,
              step: s.step,
              detail: waiting || s.message,
            })}
          </Text>
          <Group>
            <Button variant="default" onClick={() => cancel.mutate(s.id)} disabled={cancel.isPending}>
              {t("page.cancel")}
            </Button>
          </Group>
          <ErrorMessage error={cancel.error} />
        </Stack>
      )}
      {s.error && (
        <Alert color="red" style={wrapped}>
          {s.error}
        </Alert>
      )}
      <Lineage study={s} />
      {s.report && (
        <>
          <Group className="no-print">
            <Button component="a" variant="default" href={downloadUrl(s.id, "json")} download>
              {t("page.downloadJson")}
            </Button>
            <Button component="a" variant="default" href={downloadUrl(s.id, "csv")} download>
              {t("page.downloadCsv")}
            </Button>
            <Button variant="light" onClick={() => window.print()}>
              {t("page.print")}
            </Button>
          </Group>
          <ReportView report={s.report} />
        </>
      )}
    </Stack>
  );
}
