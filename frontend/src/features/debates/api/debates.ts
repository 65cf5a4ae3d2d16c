import { api } from "../../../lib/api/client";
import { unwrap } from "../../../lib/api/errors";
import type { RequestJson, ResponseJson } from "../../../lib/api/types";
import type { GroupField, GroupResults } from "../../../lib/diversity";

export type JudgeAssignment = ResponseJson<"/api/debates/assignments/{id}/", "get">;
export type Turn = JudgeAssignment["turns"][number];
export type JudgementRequest = RequestJson<"/api/debates/assignments/{id}/judgement/", "post">;
export type Origin = "native" | "imported" | "";

export const debateKeys = {
  all: ["debates"] as const,
  next: () => ["debates", "next"] as const,
  assignment: (id: number) => ["debates", "assignment", id] as const,
  analytics: (origin: Origin) => ["debates", "analytics", origin] as const,
  groups: (origin: Origin) => ["debates", "analytics", "groups", origin] as const,
};

/** The judge's open assignment, or a new one by the assignment rule; null when none is left. */
export async function takeNextAssignment(): Promise<JudgeAssignment | null> {
  const result = await api.POST("/api/debates/assignments/next/");
  if (result.response.status === 204) return null;
  return unwrap(result) as JudgeAssignment;
}

export async function fetchAssignment(id: number): Promise<JudgeAssignment> {
  return unwrap(await api.GET("/api/debates/assignments/{id}/", { params: { path: { id } } }));
}

export async function commitJudgement(id: number, body: JudgementRequest): Promise<JudgeAssignment> {
  return unwrap(
    await api.POST("/api/debates/assignments/{id}/judgement/", { params: { path: { id } }, body }),
  );
}

export async function skipAssignment(id: number, reason: string): Promise<JudgeAssignment> {
  return unwrap(
    await api.POST("/api/debates/assignments/{id}/skip/", {
      params: { path: { id } },
      body: { reason },
    }),
  );
}

export async function requestRound(id: number): Promise<JudgeAssignment> {
  return unwrap(await api.POST("/api/debates/assignments/{id}/rounds/", { params: { path: { id } } }));
}

export type AccuracyRow = {
  origin: string;
  condition?: string;
  judge: string;
  protocol?: string;
  helpful?: string;
  sneaky?: string;
  consultant?: string;
  n: number;
  correct: number;
  incorrect: number;
  accuracy: number;
  ci_low: number;
  ci_high: number;
};
export type ReliabilityBin = { low: number; high: number; n: number; confidence: number; accuracy: number };
export type CalibrationRow = {
  origin: string;
  judge: string;
  n: number;
  brier: number | null;
  log_score: number | null;
  ece: number | null;
  bins: ReliabilityBin[];
};
export type PersuasivenessRow = {
  debater: string;
  rating: number | null;
  ci_low: number | null;
  ci_high: number | null;
  matches: number;
  wins: number;
  wrong_answer_n: number;
  wrong_answer_win_rate: number | null;
};
export type AgreementRow = {
  origin: string;
  pairs: number;
  agree: number;
  rate: number;
  ci_low: number;
  ci_high: number;
};
/** The shape selectors.analytics_report() returns (the schema types it as a free object). */
export type AnalyticsReport = {
  accuracy: AccuracyRow[];
  configurations: AccuracyRow[];
  consultancy: AccuracyRow[];
  calibration: CalibrationRow[];
  persuasiveness: PersuasivenessRow[];
  agreement: AgreementRow[];
  /** When a task last computed the tables (ISO 8601); null before the first run. */
  computed_at: string | null;
  /** Newer judgements exist and a task is computing tables that include them. */
  recomputing: boolean;
};
export const TABLES = [
  "accuracy",
  "configurations",
  "consultancy",
  "calibration",
  "persuasiveness",
  "agreement",
] as const;

export async function fetchAnalytics(origin: Origin): Promise<AnalyticsReport> {
  const query = origin ? { origin } : {};
  const data = unwrap(await api.GET("/api/debates/analytics/", { params: { query } }));
  return data as unknown as AnalyticsReport;
}

/** People's judge accuracy per rater group of one background field (consenting judges only). */
export async function fetchJudgeGroups(by: GroupField, origin: Origin): Promise<GroupResults> {
  const query = origin ? { by, origin } : { by };
  return unwrap(await api.GET("/api/debates/analytics/groups/", { params: { query } }));
}

export function exportUrl(table: string, format: "csv" | "json", origin: Origin): string {
  const params = new URLSearchParams({ table, file_format: format });
  if (origin) params.set("origin", origin);
  return `/api/debates/analytics/export/?${params.toString()}`;
}

export type DebateSummaryPage = ResponseJson<"/api/debates/", "get">;
export type Debate = ResponseJson<"/api/debates/{id}/", "get">;
export type DebateRequest = RequestJson<"/api/debates/", "post">;
export type QuestionPage = ResponseJson<"/api/debates/questions/", "get">;

export const researchKeys = {
  list: () => ["debates", "list"] as const,
  detail: (id: number) => ["debates", "detail", id] as const,
  questions: () => ["debates", "questions"] as const,
  questionSets: () => ["debates", "question-sets"] as const,
};

export async function fetchDebates(): Promise<DebateSummaryPage> {
  return unwrap(await api.GET("/api/debates/"));
}

export async function fetchDebate(id: number): Promise<Debate> {
  return unwrap(await api.GET("/api/debates/{id}/", { params: { path: { id } } }));
}

export async function fetchQuestions(): Promise<QuestionPage> {
  return unwrap(await api.GET("/api/debates/questions/"));
}

export async function createDebate(body: DebateRequest): Promise<Debate> {
  return unwrap(await api.POST("/api/debates/", { body }));
}

export type Seat = ResponseJson<"/api/debates/seats/{id}/", "get">;
export type SeatPage = ResponseJson<"/api/debates/seats/", "get">;
export type QuestionSet = ResponseJson<"/api/debates/question-sets/", "get">[number];

export const seatKeys = {
  list: () => ["debates", "seats"] as const,
  seat: (id: number) => ["debates", "seats", id] as const,
};

export async function fetchQuestionSets(): Promise<QuestionSet[]> {
  return unwrap(await api.GET("/api/debates/question-sets/"));
}

export async function fetchSeats(): Promise<SeatPage> {
  return unwrap(await api.GET("/api/debates/seats/"));
}

export async function fetchSeat(id: number): Promise<Seat> {
  return unwrap(await api.GET("/api/debates/seats/{id}/", { params: { path: { id } } }));
}

export async function submitTurn(debate: number, text: string): Promise<Turn> {
  return unwrap(await api.POST("/api/debates/{id}/turns/", { params: { path: { id: debate } }, body: { text } }));
}

export type QuestionUpload = { file: File; dataset: string; name: string; split: string };

/** Uploads a JSONL/CSV question file as multipart form data; the same file again changes nothing. */
export async function uploadQuestions(upload: QuestionUpload): Promise<QuestionSet> {
  const result = await api.POST("/api/debates/question-sets/", {
    // The generated type says string for the binary part; the serializer below sends the File.
    body: { file: "", dataset: upload.dataset, name: upload.name, split: upload.split },
    bodySerializer: () => {
      const form = new FormData();
      form.append("file", upload.file);
      form.append("dataset", upload.dataset);
      form.append("name", upload.name);
      form.append("split", upload.split);
      return form;
    },
  });
  return unwrap(result);
}
