import { Alert, Anchor, Button, Card, Group, Input, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { useState, type ChangeEvent, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { DateTime } from "../../../components/DateTime";
import { EmptyState } from "../../../components/EmptyState";
import { ErrorMessage, FieldErrors } from "../../../components/ErrorMessage";
import { Loading } from "../../../components/Loading";
import { ApiError } from "../../../lib/api/errors";
import { formatCount } from "../../../lib/format";
import { useConversations, useUploadConversation } from "../hooks/usePolis";

const FILES = [
  { field: "comments", name: "comments.csv", required: true },
  { field: "votes", name: "votes.csv", required: true },
  { field: "participants_votes", name: "participants-votes.csv", required: true },
  { field: "summary", name: "summary.csv", required: false },
] as const;
type FileField = (typeof FILES)[number]["field"];

/** Researchers import a Polis conversation export; its votes join the signal pool as imported. */
export function PolisImportPage() {
  const conversations = useConversations();
  const upload = useUploadConversation();
  const { t } = useTranslation("polis");
  const [slug, setSlug] = useState("");
  const [files, setFiles] = useState<Partial<Record<FileField, File>>>({});
  const error = upload.error instanceof ApiError ? upload.error : null;
  const ready = slug.trim() !== "" && FILES.every((f) => !f.required || files[f.field]);

  function submit(event: FormEvent) {
    event.preventDefault();
    const { comments, votes, participants_votes: participantsVotes } = files;
    if (!comments || !votes || !participantsVotes) return;
    upload.mutate({ slug: slug.trim(), comments, votes, participantsVotes, summary: files.summary ?? null });
  }

  return (
    <Stack component="main">
      <Title order={1}>{t("title")}</Title>
      <Text>{t("intro")}</Text>
      <Card withBorder padding="md">
        <Stack component="form" onSubmit={submit} aria-labelledby="polis-upload-heading">
          <Title order={2} id="polis-upload-heading">
            {t("upload.title")}
          </Title>
          <TextInput
            label={t("upload.slug")}
            value={slug}
            onChange={(e) => setSlug(e.currentTarget.value)}
            required
            error={error?.fieldErrors("slug").join(" ") || undefined}
          />
          {FILES.map((file) => (
            <Input.Wrapper
              key={file.field}
              id={`polis-${file.field}`}
              label={file.required ? file.name : t("upload.optional", { name: file.name })}
              error={error?.fieldErrors(file.field).join(" ") || undefined}
            >
              {/* A native file input: its label opens the file chooser, and the browser names
                  the chosen file. */}
              <Input
                id={`polis-${file.field}`}
                component="input"
                type="file"
                accept=".csv,text/csv"
                onChange={(e: ChangeEvent<HTMLInputElement>) => {
                  const chosen = e.currentTarget.files?.[0];
                  setFiles((current) => ({ ...current, [file.field]: chosen }));
                }}
              />
            </Input.Wrapper>
          ))}
          <FieldErrors id="polis-files-errors" messages={error?.fieldErrors("files") ?? []} />
          <ErrorMessage error={upload.error} />
          {upload.data && (
            <Alert color="teal" role="status">
              {t("upload.done", {
                slug: upload.data.slug,
                comments: formatCount(upload.data.comments),
                participants: formatCount(upload.data.participants),
              })}
            </Alert>
          )}
          <Group>
            <Button type="submit" disabled={upload.isPending || !ready} loading={upload.isPending}>
              {t("upload.submit")}
            </Button>
          </Group>
        </Stack>
      </Card>
      <Stack component="section" aria-labelledby="polis-list-heading">
        <Title order={2} id="polis-list-heading">
          {t("list.title")}
        </Title>
        {conversations.isPending && <Loading />}
        <ErrorMessage error={conversations.error} />
        {conversations.data && conversations.data.length === 0 && <EmptyState>{t("list.empty")}</EmptyState>}
        {conversations.data && conversations.data.length > 0 && (
          <Table.ScrollContainer minWidth={640}>
            <Table aria-labelledby="polis-list-heading">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t("list.conversation")}</Table.Th>
                  <Table.Th scope="col">{t("list.topic")}</Table.Th>
                  <Table.Th scope="col">{t("list.comments")}</Table.Th>
                  <Table.Th scope="col">{t("list.participants")}</Table.Th>
                  <Table.Th scope="col">{t("list.imported")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {conversations.data.map((c) => (
                  <Table.Tr key={c.slug}>
                    <Table.Th scope="row">{c.url ? <Anchor href={c.url}>{c.slug}</Anchor> : c.slug}</Table.Th>
                    <Table.Td style={{ overflowWrap: "anywhere" }}>{c.topic || t("list.noTopic")}</Table.Td>
                    <Table.Td>{formatCount(c.comments)}</Table.Td>
                    <Table.Td>{formatCount(c.participants)}</Table.Td>
                    <Table.Td>
                      <DateTime value={c.imported_at} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Stack>
  );
}
