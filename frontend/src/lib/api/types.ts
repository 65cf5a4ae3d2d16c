import type { paths } from "./schema";

type Method = "get" | "post" | "put" | "patch" | "delete";

/**
 * The JSON body of one response of one operation, read from the generated
 * paths (not from component names, which drf-spectacular may rename).
 */
export type ResponseJson<
  P extends keyof paths,
  M extends Method & keyof paths[P],
  S extends number = 200,
> = NonNullable<paths[P][M]> extends { responses: infer R }
  ? S extends keyof R
    ? R[S] extends { content: { "application/json": infer T } }
      ? T
      : never
    : never
  : never;

/** The JSON request body of one operation. */
export type RequestJson<P extends keyof paths, M extends Method & keyof paths[P]> =
  NonNullable<paths[P][M]> extends {
    requestBody?: { content: { "application/json": infer T } };
  }
    ? T
    : never;

export type Me = ResponseJson<"/api/auth/me/", "get">;
export type Role = Me["roles"][number];
