import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { ErrorMessage } from "../../../components/ErrorMessage";
import { Loading } from "../../../components/Loading";
import { Pager, parsePage } from "../../../components/Pager";
import { formatCount, formatDateTime, formatNumber, formatPercent } from "../../../lib/format";
import { capabilities, useMe } from "../../../lib/session";
import { snapshotFiles, type Snapshot } from "../api/snapshots";
import { useSnapshots } from "../hooks/useSnapshots";
import { BuildSnapshotForm } from "./BuildSnapshotForm";

function mixText(mix: Record<string, number>): string {
  const parts = Object.entries(mix).map(([group, share]) => `${group} ${formatPercent(share)}`);
  return parts.length ? parts.join(", ") : "—";
}

/** The recipe's kinds and window, for the list ("…" for an open start). */
function recipeParts(recipe: Record<string, unknown>): { kinds: string; since: string; until: string } {
  const when = (value: unknown) => (typeof value === "string" ? formatDateTime(value) : "…");
  return {
    kinds: Array.isArray(recipe.kinds) ? recipe.kinds.join(", ") : "",
    since: when(recipe.since),
    until: when(recipe.until),
  };
}

/** Dataset snapshots: admins build one from a recipe; everyone here downloads ready ones. */
export function SnapshotsPage() {
  const [params, setParams] = useSearchParams();
  const page = parsePage(params.get("page"));
  const snapshots = useSnapshots(page);
  const canBuild = capabilities(useMe().data).train;
  const [requested, setRequested] = useState<Snapshot | null>(null);
  const { t } = useTranslation("snapshots");

  return (
    <main className="stack">
      <h1>{t("title")}</h1>
      <p>{t("intro")}</p>
      {canBuild && <BuildSnapshotForm onRequested={setRequested} />}
      {requested && (
        <p role="status">
          {requested.status === "building"
            ? t("building", { id: requested.id })
            : t("alreadyBuilt", { id: requested.id, status: t(`status.${requested.status}`) })}
        </p>
      )}
      <section aria-labelledby="snapshots-heading" className="stack">
        <h2 id="snapshots-heading">{t("list.title")}</h2>
        {snapshots.isPending && <Loading />}
        <ErrorMessage error={snapshots.error} />
        {snapshots.data && snapshots.data.results.length === 0 && <p>{t("list.empty")}</p>}
        {snapshots.data && snapshots.data.results.length > 0 && (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("list.snapshot")}</th>
                  <th scope="col">{t("list.status")}</th>
                  <th scope="col">{t("list.line")}</th>
                  <th scope="col">{t("list.format")}</th>
                  <th scope="col">{t("list.recipe")}</th>
                  <th scope="col">{t("list.signals")}</th>
                  <th scope="col">{t("list.rows")}</th>
                  <th scope="col">{t("list.mix")}</th>
                  <th scope="col">{t("list.created")}</th>
                  <th scope="col">{t("list.downloads")}</th>
                </tr>
              </thead>
              <tbody>
                {snapshots.data.results.map((s) => (
                  <tr key={s.id}>
                    <th scope="row">
                      #{s.id}
                      {s.content_hash && (
                        <>
                          {" "}
                          <code title={s.content_hash}>{s.content_hash.slice(0, 12)}</code>
                        </>
                      )}
                    </th>
                    <td>
                      <span className={`status status-${s.status}`}>{t(`status.${s.status}`)}</span>
                      {s.status === "failed" && <p className="error">{s.error}</p>}
                      {s.build_s != null && <span className="muted"> {t("list.seconds", { seconds: formatNumber(s.build_s) })}</span>}
                    </td>
                    <td>{s.line ?? "—"}</td>
                    <td>{s.format}</td>
                    <td>{t("list.window", recipeParts(s.recipe))}</td>
                    <td>{formatCount(s.signal_count)}</td>
                    <td>
                      {formatCount(s.counts.train ?? 0)} / {formatCount(s.counts.eval ?? 0)}
                    </td>
                    <td>{mixText(s.mix)}</td>
                    <td>
                      <time dateTime={s.created_at}>{formatDateTime(s.created_at)}</time>
                    </td>
                    <td>
                      {s.status === "ready" ? (
                        <ul className="plain-list">
                          <li>
                            <a href={snapshotFiles.split(s.id, "train")}>{t("list.trainFile")}</a>
                          </li>
                          <li>
                            <a href={snapshotFiles.split(s.id, "eval")}>{t("list.evalFile")}</a>
                          </li>
                          <li>
                            <a href={snapshotFiles.huggingFace(s.id)} download>
                              {t("list.huggingFace")}
                            </a>
                          </li>
                        </ul>
                      ) : (
                        "—"
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {snapshots.data && (
          <Pager
            label={t("list.pages")}
            page={page}
            hasPrevious={snapshots.data.previous != null}
            hasNext={snapshots.data.next != null}
            onPage={(next) => setParams({ page: String(next) })}
          />
        )}
      </section>
    </main>
  );
}
