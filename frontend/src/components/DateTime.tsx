/** A <time> element showing an ISO timestamp in the reader's locale. */
export function DateTime({ value }: { value: string | null }) {
  if (!value) return <span className="muted">—</span>;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return <span>{value}</span>;
  return <time dateTime={value}>{date.toLocaleString()}</time>;
}
