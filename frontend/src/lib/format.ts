/**
 * Dates and numbers shown the way the reader's browser locale writes them. One module, so every
 * page agrees (the same instant never reads two ways on two pages). The formatters are built
 * once: Intl objects are costly to create and a table may format hundreds of cells.
 */

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });
const dateOnly = new Intl.DateTimeFormat(undefined, { dateStyle: "medium" });
const integer = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat(undefined, { maximumFractionDigits: 3 });
// Percentages and fixed-precision figures by their number of decimals, built on first use.
const percents = new Map<number, Intl.NumberFormat>();
const fixed = new Map<number, Intl.NumberFormat>();

function cached(cache: Map<number, Intl.NumberFormat>, digits: number, style?: "percent") {
  let format = cache.get(digits);
  if (format === undefined) {
    format = new Intl.NumberFormat(undefined, {
      style,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    cache.set(digits, format);
  }
  return format;
}

function parsed(value: string | Date): Date | null {
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** A date and time, e.g. "7 Dec 2026, 14:05"; the input unchanged when it is not a date. */
export function formatDateTime(value: string | Date): string {
  const date = parsed(value);
  return date ? dateTime.format(date) : String(value);
}

/** A calendar date, e.g. "7 Dec 2026". */
export function formatDate(value: string | Date): string {
  const date = parsed(value);
  return date ? dateOnly.format(date) : String(value);
}

/** A count: whole, with the locale's grouping ("12,345"). */
export function formatCount(value: number): string {
  return integer.format(value);
}

/** A measured number with at most three decimals. */
export function formatNumber(value: number): string {
  return decimal.format(value);
}

/** A share between 0 and 1 as a whole percentage ("42%"). One argument, so it can be handed
 * to a chart as its tick format. */
export function formatPercent(share: number): string {
  return cached(percents, 0, "percent").format(share);
}

/** A share with `digits` decimals ("42.5%"), where a table compares close figures. */
export function formatPercentTo(share: number, digits: number): string {
  return cached(percents, digits, "percent").format(share);
}

/** A score or statistic with exactly `digits` decimals ("0.82"), so a column's figures line up. */
export function formatFixed(value: number, digits: number): string {
  return cached(fixed, digits).format(value);
}
