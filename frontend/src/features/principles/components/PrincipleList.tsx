import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import type { Principle } from "../api/principles";

/** The audiences a principle is written for, in the order a version lists them. */
export const AUDIENCES = ["humans", "ai", "shared"] as const;
type Audience = (typeof AUDIENCES)[number];

function isAudience(value: string): value is Audience {
  return (AUDIENCES as readonly string[]).includes(value);
}

/** An audience's name; a value this page does not know shows as the server sent it. */
export function audienceLabel(value: string, t: TFunction<"principles">): string {
  return isAudience(value) ? t(`audiences.${value}`) : value;
}

/** A version's principles, grouped by audience, each with its stable id. */
export function PrincipleList({ principles }: { principles: Principle[] }) {
  const { t } = useTranslation("principles");
  return (
    <>
      {AUDIENCES.map((audience) => {
        const members = principles.filter((p) => p.audience === audience);
        if (members.length === 0) return null;
        return (
          <section key={audience} aria-label={t(`audiences.${audience}`)}>
            <h3>{t(`audiences.${audience}`)}</h3>
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
