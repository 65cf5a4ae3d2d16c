import { Anchor, Stack, Table, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { DateTime } from "../../../components/DateTime";
import { EmptyState } from "../../../components/EmptyState";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { Loading } from "../../../components/Loading";
import { Pager } from "../../../components/Pager";
import { useStudies } from "../hooks/useStudies";
import { StartStudyForm } from "./StartStudyForm";
import { StudyStatusBadge } from "./StudyStatusBadge";
import "./studies.css";

/** Research studies: the list, live, and the form that starts one. */
export function StudiesPage() {
  const [page, setPage] = useState(1);
  const studies = useStudies(page);
  const navigate = useNavigate();
  const { t } = useTranslation("studies");

  return (
    <Stack component="main">
      <Title order={1}>{t("list.title")}</Title>
      <Text c="dimmed">{t("list.intro")}</Text>
      {studies.isPending ? (
        <Loading />
      ) : studies.isError ? (
        <ErrorMessage error={studies.error} />
      ) : studies.data.results.length === 0 ? (
        <EmptyState>{t("list.empty")}</EmptyState>
      ) : (
        <>
          <Table.ScrollContainer minWidth="40rem" type="native">
            <Table captionSide="top">
              <Table.Caption ta="left" fw={600}>
                {t("list.caption")}
              </Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t("list.study")}</Table.Th>
                  <Table.Th scope="col">{t("list.kind")}</Table.Th>
                  <Table.Th scope="col">{t("list.status")}</Table.Th>
                  <Table.Th scope="col">{t("progress.label")}</Table.Th>
                  <Table.Th scope="col">{t("list.started")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {studies.data.results.map((study) => (
                  <Table.Tr key={study.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/studies/${study.id}`}>
                        #{study.id}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{study.kind}</Table.Td>
                    <Table.Td>
                      <StudyStatusBadge status={study.status} />
                    </Table.Td>
                    <Table.Td>
                      {t("progress.short", {
                        n: Math.min(study.step_index + 1, study.steps_total),
                        total: study.steps_total,
                        detail: study.message,
                      })}
                    </Table.Td>
                    <Table.Td>
                      <DateTime value={study.created_at} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Pager
            label={t("list.pages")}
            page={page}
            hasPrevious={studies.data.previous !== null}
            hasNext={studies.data.next !== null}
            onPage={setPage}
          />
        </>
      )}
      <StartStudyForm onStarted={(study) => void navigate(`/studies/${study.id}`)} />
    </Stack>
  );
}
