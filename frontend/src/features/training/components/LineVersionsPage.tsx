import { Anchor, Button, Code, Stack, Table, Text, Title, VisuallyHidden } from "@mantine/core";
import type { TFunction } from "i18next";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { EmptyState } from "../../../components/EmptyState";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { Loading } from "../../../components/Loading";
import type { Version } from "../api/loop";
import { useLineVersions } from "../hooks/useLoop";
import { figures, percent } from "./metrics";
import { VersionStatusBadge } from "./StatusBadge";
import { VersionPanel } from "./VersionPanel";

/** Where a version came from, by number when its parent is a version of this page's list. */
function parentText(version: Version, versions: Version[], t: TFunction<"training">): string {
  if (version.parent === null) return "";
  const parent = versions.find((v) => v.id === version.parent);
  if (!parent) return t("line.fromEarlier");
  return parent.line === version.line
    ? t("line.fromParent", { number: parent.number })
    : t("line.fromOtherLine", { line: parent.line, number: parent.number });
}

/** Every version of a line side by side on the evaluation figures; pick one to act on it. */
export function LineVersionsPage() {
  const { slug = "" } = useParams();
  const versions = useLineVersions(slug);
  const [selected, setSelected] = useState<number | null>(null);
  const { t } = useTranslation("training");

  return (
    <Stack component="main">
      <Anchor component={Link} to="/training">
        {t("line.back")}
      </Anchor>
      <Title order={1}>{t("line.title", { slug })}</Title>
      {versions.isPending && <Loading />}
      <ErrorMessage error={versions.error} />
      {versions.data && versions.data.results.length === 0 && <EmptyState>{t("line.empty")}</EmptyState>}
      {versions.data && versions.data.results.length > 0 && (
        <Table.ScrollContainer minWidth={760}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("line.version")}</Table.Th>
                <Table.Th scope="col">{t("line.status")}</Table.Th>
                <Table.Th scope="col">{t("line.preference")}</Table.Th>
                <Table.Th scope="col">{t("line.llmbar")}</Table.Th>
                <Table.Th scope="col">{t("line.hazard")}</Table.Th>
                <Table.Th scope="col">{t("line.constitution")}</Table.Th>
                <Table.Th scope="col">{t("line.dataset")}</Table.Th>
                <Table.Th scope="col">
                  <VisuallyHidden>{t("line.actions")}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {versions.data.results.map((v) => {
                const f = figures(v.metrics);
                const from = parentText(v, versions.data.results, t);
                return (
                  <Table.Tr key={v.id}>
                    <Table.Th scope="row">
                      {t("line.versionNumber", { number: v.number })}
                      {from && (
                        <Text span c="dimmed">
                          {" "}
                          {from}
                        </Text>
                      )}
                    </Table.Th>
                    <Table.Td>
                      <VersionStatusBadge status={v.status} />
                    </Table.Td>
                    <Table.Td>{percent(f.preference)}</Table.Td>
                    <Table.Td>{percent(f.llmbar)}</Table.Td>
                    <Table.Td>{percent(f.hazard)}</Table.Td>
                    <Table.Td>{percent(f.constitution)}</Table.Td>
                    <Table.Td>
                      <Code title={v.dataset_hash}>{v.dataset_hash.slice(0, 12) || "—"}</Code>
                    </Table.Td>
                    <Table.Td>
                      <Button
                        size="xs"
                        variant="light"
                        onClick={() => setSelected(v.id)}
                        aria-label={t("line.detailsOf", { number: v.number })}
                      >
                        {t("line.details")}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {selected !== null && <VersionPanel id={selected} />}
    </Stack>
  );
}
