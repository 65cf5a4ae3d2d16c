import { api } from "../../../lib/api/client";
import { unwrap } from "../../../lib/api/errors";
import type { ResponseJson } from "../../../lib/api/types";

export type Conversation = ResponseJson<"/api/principles/polis/", "get">[number];

/** The files of one Polis export, as its form fields name them. */
export type PolisUpload = {
  slug: string;
  comments: File;
  votes: File;
  participantsVotes: File;
  summary: File | null;
};

export const polisKeys = { conversations: ["polis", "conversations"] as const };

export async function fetchConversations(): Promise<Conversation[]> {
  return unwrap(await api.GET("/api/principles/polis/"));
}

export async function uploadConversation(upload: PolisUpload): Promise<Conversation> {
  const result = await api.POST("/api/principles/polis/", {
    // The generated type says string for the binary parts; the serializer below sends the Files.
    body: { slug: upload.slug, comments: "", votes: "", participants_votes: "" },
    bodySerializer: () => {
      const form = new FormData();
      form.append("slug", upload.slug);
      form.append("comments", upload.comments);
      form.append("votes", upload.votes);
      form.append("participants_votes", upload.participantsVotes);
      if (upload.summary) form.append("summary", upload.summary);
      return form;
    },
  });
  return unwrap(result);
}
