import { useImportedReport } from "../hooks/useSetup";

const fmt = (x: number | null) => (x === null ? "n/a" : x.toFixed(3));

/** Imported annotated sets (XSTest): how far their own annotators agree, and what they said. */
export function ImportedSets() {
  const report = useImportedReport();
  if (!report.data || report.data.length === 0) return null;
  return (
    <section aria-label="Imported sets">
      <h2>Imported annotated sets</h2>
      <table>
        <thead>
          <tr>
            <th>Set</th>
            <th>Items</th>
            <th>Raters</th>
            <th>Raw agreement</th>
            <th>Cohen's kappa</th>
            <th>Labels</th>
          </tr>
        </thead>
        <tbody>
          {report.data.map((set) => (
            <tr key={set.dataset}>
              <td>{set.dataset}</td>
              <td>{set.items}</td>
              <td>{set.raters}</td>
              <td>{fmt(set.raw_agreement)}</td>
              <td>{fmt(set.cohen_kappa)}</td>
              <td>
                {Object.entries(set.label_distribution)
                  .map(([label, count]) => `${label}: ${count}`)
                  .join(", ")}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
