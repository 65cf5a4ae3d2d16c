import { Button, Group, Text } from "@mantine/core";
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
    <Group component="nav" aria-label={label} gap="sm">
      <Button variant="default" disabled={!hasPrevious} onClick={() => onPage(page - 1)}>
        {t("pager.previous")}
      </Button>
      <Text span>{t("pager.page", { page })}</Text>
      <Button variant="default" disabled={!hasNext} onClick={() => onPage(page + 1)}>
        {t("pager.next")}
      </Button>
    </Group>
  );
}

/** Reads ?page= as a positive integer, defaulting to 1. */
export function parsePage(value: string | null): number {
  const page = Number(value);
  return Number.isInteger(page) && page > 0 ? page : 1;
}
