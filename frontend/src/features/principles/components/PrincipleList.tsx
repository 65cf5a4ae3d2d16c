import type { Principle } from "../api/principles";

const AUDIENCES: { value: string; label: string }[] = [
  { value: "humans", label: "For humans" },
  { value: "ai", label: "For AI" },
  { value: "shared", label: "Shared" },
];

export function audienceLabel(value: string): string {
  return AUDIENCES.find((a) => a.value === value)?.label ?? value;
}

export const AUDIENCE_OPTIONS = AUDIENCES;

/** A version's principles, grouped by audience, each with its stable id. */
export function PrincipleList({ principles }: { principles: Principle[] }) {
  return (
    <>
      {AUDIENCES.map((audience) => {
        const members = principles.filter((p) => p.audience === audience.value);
        if (members.length === 0) return null;
        return (
          <section key={audience.value} aria-label={audience.label}>
            <h3>{audience.label}</h3>
            <dl>
              {members.map((p) => (
                <div key={p.key}>
                  <dt>
                    {p.title} <code className="muted">{p.key}</code>
                  </dt>
                  <dd>{p.text}</dd>
                </div>
              ))}
            </dl>
          </section>
        );
      })}
    </>
  );
}
