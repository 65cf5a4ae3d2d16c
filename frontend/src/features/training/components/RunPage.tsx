import { Alert, Anchor, Button, Code, Group, Progress, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import type { TFunction } from "i18next";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { ErrorMessage, inputError } from "../../../components/ErrorMessage";
import { Loading } from "../../../components/Loading";
import { ApiError } from "../../../lib/api/errors";
import { formatCount, formatNumber, formatPercent } from "../../../lib/format";
import { capabilities, useMe } from "../../../lib/session";
import type { Run } from "../api/loop";
import { useCancelRun, useLiveRun } from "../hooks/useLoop";
import { LossPlot } from "./LossPlot";
import { RunStatusBadge } from "./StatusBadge";
import { VersionPanel } from "./VersionPanel";

const ACTIVE = ["waiting", "queued", "running", "evaluating"];

/** Admins end a run stuck waiting, queued or running, so that it stops locking its line (audited). */
function CancelRunForm({ id }: { id: number }) {
  const cancel = useCancelRun();
  const [reason, setReason] = useState("");
  const { t } = useTranslation("training");
  const error = cancel.error instanceof ApiError ? cancel.error : null;

  function submit(event: FormEvent) {
    event.preventDefault();
    cancel.mutate({ id, reason });
  }

  return (
    <Stack component="form" onSubmit={submit} aria-label={t("cancel.label")} gap="xs">
      <Group align="flex-end">
        <TextInput
          label={t("cancel.reason")}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={inputError(error?.fieldErrors("reason") ?? [])}
          style={{ flexGrow: 1 }}
        />
        <Button type="submit" color="red" disabled={cancel.isPending}>
          {t("cancel.submit")}
        </Button>
      </Group>
      <ErrorMessage error={cancel.error} />
    </Stack>
  );
}

const PHASES = ["snapshot_s", "training_s", "evaluation_s", "publish_s"] as const;

function eta(seconds: number | null, t: TFunction<"training">): string {
  if (seconds === null) return "";
  return seconds < 60
    ? t("run.secondsLeft", { n: formatCount(seconds) })
    : t("run.minutesLeft", { n: formatCount(seconds / 60) });
}

/** The run's steps as a bar. The aria values are the steps themselves (not Mantine's
 * percentage), so a screen reader says "step 12 of 50". */
function RunProgress({ run }: { run: Run }) {
  const { t } = useTranslation("training");
  const share = run.total_steps > 0 ? Math.min(run.step / run.total_steps, 1) : 0;
  return (
    <Stack gap={4}>
      <Text fw={500}>{t("run.progress")}</Text>
      <Progress.Root
        size="xl"
        role="progressbar"
        aria-label={t("run.progress")}
        aria-valuemin={0}
        aria-valuemax={run.total_steps || 1}
        aria-valuenow={run.step}
        aria-valuetext={t("run.progressValue", { step: run.step, total: run.total_steps })}
      >
        <Progress.Section value={share * 100} withAria={false}>
          {share >= 0.1 && <Progress.Label>{formatPercent(share)}</Progress.Label>}
        </Progress.Section>
      </Progress.Root>
      <Text c="dimmed" size="sm">
        {t("run.steps", {
          step: formatCount(run.step),
          total: run.total_steps ? formatCount(run.total_steps) : t("page.unknownTotal"),
        })}{" "}
        {run.loss !== null && t("run.loss", { loss: formatNumber(run.loss) })} {eta(run.eta_s, t)}
      </Text>
    </Stack>
  );
}

/** One run, live: progress bar, loss plot, phase timings, then the new version's evaluation. */
export function RunPage() {
  const id = Number(useParams().id);
  const run = useLiveRun(id);
  const canCancel = capabilities(useMe().data).publish;
  const { t } = useTranslation("training");

  if (run.isPending) return <Loading />;
  if (!run.data) return <ErrorMessage error={run.error} />;
  const r = run.data;
  return (
    <Stack component="main">
      <Anchor component={Link} to="/training">
        {t("run.allRuns")}
      </Anchor>
      <Title order={1}>{t("run.title", { id: r.id, recipe: r.recipe, line: r.line })}</Title>
      <Text>
        {t("run.status")} <RunStatusBadge status={r.status} />
        {r.attempts > 1 && (
          <Text span c="dimmed">
            {" "}
            {t("run.resumed", { attempt: r.attempts, step: r.resumed_from_step })}
          </Text>
        )}
      </Text>
      {r.devices !== null && (
        <Text c="dimmed">{t("run.devices", { count: r.devices, n: formatCount(r.devices) })}</Text>
      )}
      {r.status === "cancelled" && (
        <Alert color="orange">
          {t("run.cancelledBy", { who: r.cancelled_by ?? t("run.anAdmin"), reason: r.cancel_reason })}
        </Alert>
      )}
      {canCancel && ACTIVE.includes(r.status) && <CancelRunForm id={r.id} />}
      {r.status === "waiting" && <Text c="dimmed">{t("run.waiting")}</Text>}
      {r.error && (
        <Alert color="red">
          <Text size="sm" style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
            {r.error}
          </Text>
        </Alert>
      )}
      <RunProgress run={r} />
      <LossPlot history={r.history} totalSteps={r.total_steps} />
      <Text c="dimmed">
        {t("run.from", { line: r.line, number: r.base_version_number })}{" "}
        {r.snapshot_hash ? (
          <Code title={r.snapshot_hash}>{r.snapshot_hash.slice(0, 12)}</Code>
        ) : (
          t("run.snapshotBuilding", { id: r.snapshot })
        )}
      </Text>
      {Object.keys(r.timings).length > 0 && (
        <Table variant="vertical" withTableBorder captionSide="top" maw={420}>
          <Table.Caption>{t("run.phases")}</Table.Caption>
          <Table.Tbody>
            {PHASES.filter((phase) => phase in r.timings).map((phase) => (
              <Table.Tr key={phase}>
                <Table.Th scope="row">{t(`run.phase.${phase}`)}</Table.Th>
                <Table.Td>{t("run.seconds", { n: formatNumber(r.timings[phase] ?? 0) })}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {r.version !== null && r.status === "done" && <VersionPanel id={r.version} />}
    </Stack>
  );
}
