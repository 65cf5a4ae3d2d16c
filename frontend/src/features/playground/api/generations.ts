import { api } from "../../../lib/api/client";
import { unwrap } from "../../../lib/api/errors";
import type { RequestJson, ResponseJson } from "../../../lib/api/types";

export type Generation = ResponseJson<"/api/llm/generations/{id}/", "get">;
export type GenerationRequest = RequestJson<"/api/llm/generations/", "post">;
export type GenerationPage = ResponseJson<"/api/llm/generations/", "get">;
export type PlaygroundExample = ResponseJson<"/api/llm/examples/", "get">[number];
export type PromptableLine = ResponseJson<"/api/registry/lines/", "get">["results"][number];

export const generationKeys = {
  all: ["generations"] as const,
  list: () => ["generations", "list"] as const,
  detail: (id: number) => ["generations", "detail", id] as const,
};

/** Lines the playground can prompt: the first page, only those with a published version. */
export const promptableLinesKey = ["playground", "lines"] as const;
export const examplesKey = ["playground", "examples"] as const;

/** Real questions (HH-RLHF) with the reply people preferred, to prompt and compare with. */
export async function fetchExamples(): Promise<PlaygroundExample[]> {
  return unwrap(await api.GET("/api/llm/examples/"));
}

export async function fetchPromptableLines(): Promise<PromptableLine[]> {
  const page = unwrap(await api.GET("/api/registry/lines/"));
  return page.results.filter((line) => line.published_version !== null);
}

export async function createGeneration(request: GenerationRequest): Promise<Generation> {
  return unwrap(await api.POST("/api/llm/generations/", { body: request }));
}

export async function fetchGeneration(id: number): Promise<Generation> {
  return unwrap(await api.GET("/api/llm/generations/{id}/", { params: { path: { id } } }));
}

export async function fetchGenerations(): Promise<GenerationPage> {
  return unwrap(await api.GET("/api/llm/generations/"));
}

export function isFinished(status: Generation["status"]): boolean {
  return status === "done" || status === "failed";
}
