import { useTranslation } from "react-i18next";

type PagerProps = {
  label: string;
  page: number;
  hasPrevious: boolean;
  hasNext: boolean;
  onPage: (page: number) => void;
};

/** Previous/next buttons for DRF page-number pagination. */
export function Pager({ label, page, hasPrevious, hasNext, onPage }: PagerProps) {
  const { t } = useTranslation();
  if (!hasPrevious && !hasNext) return null;
  return (
    <nav aria-label={label} className="pager">
      <button type="button" disabled={!hasPrevious} onClick={() => onPage(page - 1)}>
        {t("pager.previous")}
      </button>
      <span>{t("pager.page", { page })}</span>
      <button type="button" disabled={!hasNext} onClick={() => onPage(page + 1)}>
        {t("pager.next")}
      </button>
    </nav>
  );
}

/** Reads ?page= as a positive integer, defaulting to 1. */
export function parsePage(value: string | null): number {
  const page = Number(value);
  return Number.isInteger(page) && page > 0 ? page : 1;
}
