import {
  Anchor,
  Badge,
  Button,
  Card,
  Code,
  Group,
  List,
  NativeSelect,
  NumberInput,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useState, type FormEvent } from "react";
import { Trans, useTranslation } from "react-i18next";
import { Link } from "react-router";
import { DateTime } from "../../../components/DateTime";
import { EmptyState } from "../../../components/EmptyState";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { Loading } from "../../../components/Loading";
import { ApiError } from "../../../lib/api/errors";
import { capabilities, useMe } from "../../../lib/session";
import {
  useAudit,
  useOpenRound,
  useRounds,
  useTracking,
  useVersion,
  useVersions,
} from "../hooks/usePrinciples";
import { PrincipleList } from "./PrincipleList";
import { SupportChart, type SupportGrouping } from "./SupportChart";

const GROUPINGS: readonly SupportGrouping[] = ["opinion", "region", "expertise"];

/** The constitution in force, its versions, the voting rounds and how support evolved. */
export function PrinciplesPage() {
  const versions = useVersions();
  const current = versions.data?.find((v) => v.is_current) ?? null;
  const currentDetail = useVersion(current?.number ?? null);
  const rounds = useRounds();
  const tracking = useTracking();
  const audit = useAudit();
  const canManage = capabilities(useMe().data).research;
  const [grouping, setGrouping] = useState<SupportGrouping>("opinion");
  const { t } = useTranslation("principles");

  return (
    <Stack component="main" gap="xl">
      <Title order={1}>{t("page.title")}</Title>
      <ErrorMessage error={versions.error ?? rounds.error} />
      <Stack component="section" aria-labelledby="rounds-heading">
        <Title order={2} id="rounds-heading">
          {t("page.rounds")}
        </Title>
        {rounds.isPending && <Loading />}
        {rounds.data && rounds.data.length === 0 && <EmptyState>{t("page.noRounds")}</EmptyState>}
        {rounds.data && rounds.data.length > 0 && (
          <List spacing="xs" listStyleType="none" ps={0}>
            {rounds.data.map((round) => (
              <List.Item key={round.id}>
                <Group gap="xs" wrap="wrap">
                  <Anchor component={Link} to={`/principles/rounds/${round.id}`}>
                    {round.title}
                  </Anchor>
                  <Badge variant="light" color={round.status === "open" ? "teal" : "gray"}>
                    {t(`roundStatuses.${round.status}`)}
                  </Badge>
                  <Text span c="dimmed" size="sm">
                    <Trans
                      t={t}
                      i18nKey={round.status === "open" ? "page.closes" : "page.closed"}
                      components={{ when: <DateTime value={round.closed_at ?? round.closes_at} /> }}
                    />
                    {round.enacted_version !== null && t("page.enacted", { version: round.enacted_version })}
                  </Text>
                </Group>
              </List.Item>
            ))}
          </List>
        )}
        {canManage && <OpenRoundForm />}
      </Stack>

      <Stack component="section" aria-labelledby="constitution-heading">
        <Title order={2} id="constitution-heading">
          {current ? t("page.constitutionCurrent", { version: current.number }) : t("page.constitution")}
        </Title>
        {versions.isPending && <Loading />}
        {versions.data && !current && <EmptyState>{t("page.notSeeded")}</EmptyState>}
        <ErrorMessage error={currentDetail.error} />
        {currentDetail.data && <PrincipleList principles={currentDetail.data.principles} />}
        {versions.data && versions.data.length > 0 && (
          <>
            <Title order={3}>{t("page.allVersions")}</Title>
            <List spacing={4} listStyleType="none" ps={0} aria-label={t("page.versions")}>
              {versions.data.map((v) => (
                <List.Item key={v.number}>
                  <Anchor component={Link} to={`/principles/versions/${v.number}`}>
                    {t("page.version", { version: v.number })}
                  </Anchor>{" "}
                  <Text span c="dimmed" size="sm">
                    <DateTime value={v.created_at} /> {v.summary}
                  </Text>
                </List.Item>
              ))}
            </List>
          </>
        )}
      </Stack>

      <Stack component="section" aria-labelledby="tracking-heading">
        <Title order={2} id="tracking-heading">
          {t("page.support")}
        </Title>
        <Text c="dimmed" size="sm">
          {t("page.supportHelp")}
        </Text>
        <NativeSelect
          label={t("page.groups")}
          value={grouping}
          onChange={(e) => setGrouping(e.currentTarget.value as SupportGrouping)}
          data={GROUPINGS.map((value) => ({ value, label: t(`page.groupings.${value}`) }))}
          maw="20rem"
        />
        {tracking.isPending && <Loading />}
        <ErrorMessage error={tracking.error} />
        {tracking.data && tracking.data.length === 0 && <EmptyState>{t("page.noClosedRound")}</EmptyState>}
        {tracking.data && tracking.data.length > 0 && (
          <SimpleGrid component="ul" cols={{ base: 1, md: 2 }} m={0} p={0} style={{ listStyle: "none" }}>
            {tracking.data.map((series) => (
              <Card component="li" key={series.key} withBorder padding="md" miw={0}>
                <Title order={3} size="h4" mb="xs">
                  <Code fz="inherit">{series.key}</Code>
                </Title>
                <SupportChart series={series} grouping={grouping} />
              </Card>
            ))}
          </SimpleGrid>
        )}
      </Stack>

      <Stack component="section" aria-labelledby="audit-heading">
        <Title order={2} id="audit-heading">
          {t("page.audit")}
        </Title>
        {audit.isPending && <Loading />}
        <ErrorMessage error={audit.error} />
        {audit.data && audit.data.length === 0 && <EmptyState>{t("page.noAudit")}</EmptyState>}
        {audit.data && audit.data.length > 0 && (
          <List spacing={4} listStyleType="none" ps={0} aria-label={t("page.audit")}>
            {audit.data.map((entry) => (
              <List.Item key={entry.id} style={{ overflowWrap: "anywhere" }}>
                <DateTime value={entry.created_at} /> <strong>{t(`auditActions.${entry.action}`)}</strong>
                {entry.actor && t("page.auditBy", { actor: entry.actor })}
                {entry.version !== null && t("page.auditVersion", { version: entry.version })}
                {entry.reason && t("page.auditReason", { reason: entry.reason })}
              </List.Item>
            ))}
          </List>
        )}
      </Stack>
    </Stack>
  );
}

function localInput(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

type RoundFieldName = "title" | "opens_at" | "closes_at";
type RoundNumberName = "min_participants" | "min_agreement" | "min_group_agreement";

/** One setting of a new round, with the server's messages about it. */
function RoundField({
  field,
  value,
  set,
  errors,
  type = "text",
}: {
  field: RoundFieldName;
  value: string;
  set: (v: string) => void;
  errors: ApiError | null;
  type?: "text" | "datetime-local";
}) {
  const { t } = useTranslation("principles");
  return (
    <TextInput
      id={`round-${field}`}
      type={type}
      label={t(`openRound.fields.${field}`)}
      value={value}
      onChange={(e) => set(e.currentTarget.value)}
      error={errors?.fieldErrors(field).join(" ") || undefined}
    />
  );
}

/** One threshold of a new round (a count or a share), with the server's messages about it. */
function RoundNumber({
  field,
  value,
  set,
  errors,
  share = false,
}: {
  field: RoundNumberName;
  value: number | string;
  set: (v: number | string) => void;
  errors: ApiError | null;
  share?: boolean;
}) {
  const { t } = useTranslation("principles");
  return (
    <NumberInput
      id={`round-${field}`}
      label={t(`openRound.fields.${field}`)}
      value={value}
      onChange={set}
      min={share ? 0 : 1}
      max={share ? 1 : undefined}
      step={share ? 0.05 : 1}
      allowDecimal={share}
      error={errors?.fieldErrors(field).join(" ") || undefined}
    />
  );
}

function OpenRoundForm() {
  const open = useOpenRound();
  const now = new Date();
  const [title, setTitle] = useState("");
  const [opensAt, setOpensAt] = useState(localInput(now));
  const [closesAt, setClosesAt] = useState(localInput(new Date(now.getTime() + 7 * 86_400_000)));
  const [minParticipants, setMinParticipants] = useState<number | string>(3);
  const [minAgreement, setMinAgreement] = useState<number | string>(0.6);
  const [minGroupAgreement, setMinGroupAgreement] = useState<number | string>(0.5);
  const errors = open.error instanceof ApiError ? open.error : null;
  const { t } = useTranslation("principles");

  function submit(event: FormEvent) {
    event.preventDefault();
    open.mutate(
      {
        title,
        opens_at: new Date(opensAt).toISOString(),
        closes_at: new Date(closesAt).toISOString(),
        min_participants: Number(minParticipants),
        min_agreement: Number(minAgreement),
        min_group_agreement: Number(minGroupAgreement),
      },
      { onSuccess: () => setTitle("") },
    );
  }

  return (
    <Card withBorder padding="md">
      <Stack component="form" onSubmit={submit} aria-label={t("openRound.title")}>
        <Title order={3}>{t("openRound.title")}</Title>
        <RoundField field="title" value={title} set={setTitle} errors={errors} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <RoundField field="opens_at" value={opensAt} set={setOpensAt} errors={errors} type="datetime-local" />
          <RoundField field="closes_at" value={closesAt} set={setClosesAt} errors={errors} type="datetime-local" />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <RoundNumber field="min_participants" value={minParticipants} set={setMinParticipants} errors={errors} />
          <RoundNumber field="min_agreement" value={minAgreement} set={setMinAgreement} errors={errors} share />
          <RoundNumber
            field="min_group_agreement"
            value={minGroupAgreement}
            set={setMinGroupAgreement}
            errors={errors}
            share
          />
        </SimpleGrid>
        {errors && Object.keys(errors.fields).length === 0 && <ErrorMessage error={open.error} />}
        <Group>
          <Button type="submit" disabled={open.isPending}>
            {t("openRound.submit")}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
