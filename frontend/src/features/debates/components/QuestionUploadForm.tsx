import { Alert, Button, Group, Input, List, Paper, SimpleGrid, Stack, Text, TextInput, Title } from "@mantine/core";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { ApiError } from "../../../lib/api/errors";
import { useUploadQuestions } from "../hooks/useArgue";

/** Researchers: import a JSONL or CSV question file; a bad file lists its problems by line. */
export function QuestionUploadForm() {
  const upload = useUploadQuestions();
  const { t } = useTranslation("debates");
  const [file, setFile] = useState<File | null>(null);
  const [dataset, setDataset] = useState("");
  const [name, setName] = useState("");
  const [split, setSplit] = useState("");
  const problems = upload.error instanceof ApiError ? Object.entries(upload.error.fields) : [];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (file) upload.mutate({ file, dataset, name, split });
  };
  return (
    <Paper component="form" onSubmit={submit} aria-labelledby="upload-heading" withBorder p="md">
      <Stack gap="sm">
        <Title order={2} id="upload-heading">
          {t("upload.title")}
        </Title>
        <Text size="sm" c="dimmed" style={{ overflowWrap: "anywhere" }}>
          {t("upload.help")}
        </Text>
        {/* A native file input: its label opens the file chooser and tests can set its files. */}
        <Input.Wrapper id="question-file" label={t("upload.file")}>
          <input
            id="question-file"
            type="file"
            accept=".jsonl,.csv"
            style={{ display: "block", maxWidth: "100%" }}
            onChange={(event) => setFile(event.target.files?.[0] ?? null)}
          />
        </Input.Wrapper>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            id="question-dataset"
            label={t("upload.dataset")}
            value={dataset}
            onChange={(event) => setDataset(event.currentTarget.value)}
            required
            withAsterisk={false}
          />
          <TextInput id="question-set-name" label={t("upload.name")} value={name} onChange={(event) => setName(event.currentTarget.value)} />
          <TextInput id="question-split" label={t("upload.split")} value={split} onChange={(event) => setSplit(event.currentTarget.value)} />
        </SimpleGrid>
        <Group>
          <Button type="submit" disabled={upload.isPending || !file}>
            {t("upload.submit")}
          </Button>
        </Group>
        {problems.length > 0 ? (
          <Alert color="red" title={t("upload.problems")}>
            <List size="sm">
              {problems.map(([where, messages]) => (
                <List.Item key={where}>{t("upload.problem", { where, messages: messages.join("; ") })}</List.Item>
              ))}
            </List>
          </Alert>
        ) : (
          <ErrorMessage error={upload.error} />
        )}
        {upload.data && <Text role="status">{t("upload.done", { name: upload.data.name, count: upload.data.questions })}</Text>}
      </Stack>
    </Paper>
  );
}
