import { Button, Group, List, Stack, Text, Textarea } from "@mantine/core";
import { useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { EmptyState } from "../../../components/EmptyState";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { useDwellTime } from "../../../lib/useDwellTime";
import { useAddComment, useComments } from "../hooks/usePrinciples";
import { useCommentKeys } from "../hooks/useVoteShortcuts";

/** A proposal's comments, and a box to add one while the round is open; on the selected
 * proposal, c moves into the box and Ctrl+Enter posts. */
export function ProposalComments({ proposal, open, selected }: { proposal: number; open: boolean; selected: boolean }) {
  const comments = useComments(proposal, true);
  const add = useAddComment(proposal);
  const { t } = useTranslation("principles");
  const dwell = useDwellTime(proposal);
  const [text, setText] = useState("");
  const box = useRef<HTMLTextAreaElement>(null);

  function post() {
    if (!text.trim() || add.isPending) return;
    add.mutate({ text, dwellMs: dwell() }, { onSuccess: () => setText("") });
  }
  function submit(event: FormEvent) {
    event.preventDefault();
    post();
  }
  useCommentKeys({ enabled: open && selected, box: () => box.current, post });

  return (
    <Stack gap="xs">
      {comments.data && comments.data.length === 0 ? (
        <EmptyState>{t("comments.empty")}</EmptyState>
      ) : (
        <List aria-label={t("comments.label")} spacing={4} listStyleType="none" ps={0}>
          {comments.data?.map((c) => (
            <List.Item key={c.id}>
              <Text span style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
                <strong>{c.author}</strong>: {c.text}
              </Text>
            </List.Item>
          ))}
        </List>
      )}
      {open && (
        <Stack component="form" onSubmit={submit} gap="xs">
          <Textarea
            ref={box}
            id={`comment-${proposal}`}
            label={t("comments.comment")}
            description={t("comments.hint")}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            rows={2}
            resize="vertical"
          />
          <Group>
            <Button type="submit" variant="light" disabled={add.isPending || !text.trim()} aria-keyshortcuts="Control+Enter">
              {t("comments.post")}
            </Button>
          </Group>
          <ErrorMessage error={add.error} />
        </Stack>
      )}
    </Stack>
  );
}
