import type { Modality } from '../../model/index.js';
import { escapeHtml } from './escape.js';

/**
 * The timeline of a finding about dates: each side's values on one axis, drawn as inline SVG without a
 * browser. A value's precision follows from its shape: a year or a month is a bar across it, a day is a
 * point, a range ("2014-11-09/2014-11-10") is a bar from its first to its last day. Planned values are
 * hollow and dashed, held ones solid.
 */

const DAY_MS = 86_400_000;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/** A calendar value as days since 1970-01-01: `end` is exclusive. */
export interface TimeSpan {
  start: number;
  end: number;
  /** A single day is drawn as a point, anything longer as a bar. */
  point: boolean;
}

function dayNumber(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

/** Years a value may name; other 4-digit numbers are counts. */
function isPlausibleYear(year: number): boolean {
  return year >= 1000 && year <= 2999;
}

/** One end of a value: "2015", "2015-03", "2015-03-14" or a decade "199X". */
function parseCalendarValue(value: string): TimeSpan | undefined {
  let match = /^(\d{4})$/.exec(value);
  if (match) {
    const year = Number(match[1]);
    return isPlausibleYear(year) ? { start: dayNumber(year, 1, 1), end: dayNumber(year + 1, 1, 1), point: false } : undefined;
  }
  match = /^(\d{3})X$/i.exec(value);
  if (match) {
    const decade = Number(match[1]) * 10;
    return isPlausibleYear(decade) ? { start: dayNumber(decade, 1, 1), end: dayNumber(decade + 10, 1, 1), point: false } : undefined;
  }
  match = /^(\d{4})-(\d{2})$/.exec(value);
  if (match) {
    const [year, month] = [Number(match[1]), Number(match[2])];
    if (!isPlausibleYear(year) || month < 1 || month > 12) return undefined;
    return { start: dayNumber(year, month, 1), end: dayNumber(year, month + 1, 1), point: false };
  }
  match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (match) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const start = dayNumber(year, month, day);
    // Date.UTC rolls 2019-02-30 over to March: reject days the month does not have.
    if (!isPlausibleYear(year) || new Date(start * DAY_MS).getUTCMonth() !== month - 1) return undefined;
    return { start, end: start + 1, point: true };
  }
  return undefined;
}

/** A normalised time value, or undefined when it is not a date (a count, a name, "this Thursday"). */
export function parseTimeValue(value: string): TimeSpan | undefined {
  const ends = value.split('/');
  if (ends.length === 1) return parseCalendarValue(value);
  if (ends.length !== 2) return undefined;
  const first = parseCalendarValue(ends[0] ?? '');
  const last = parseCalendarValue(ends[1] ?? '');
  if (!first || !last || last.end <= first.start) return undefined;
  return { start: first.start, end: last.end, point: false };
}

export interface TimelineRow {
  /** Short label of the side ("A"), matching the side's card. */
  label: string;
  /** Longer description for the row (the source). */
  source: string;
  values: readonly string[];
  modality: Modality;
}

/**
 * Whether a finding is about dates: some value parses as one, and the bare numbers are not counts
 * (a side saying "8" makes "2015" on another side a number, not a year).
 */
export function involvesDates(rows: readonly TimelineRow[]): boolean {
  const values = rows.flatMap((row) => row.values);
  const dated = values.filter((value) => parseTimeValue(value) !== undefined);
  if (dated.length === 0) return false;
  if (dated.some((value) => !/^\d{4}$/.test(value))) return true;
  return !values.some((value) => /^\d+(?:[.,]\d+)?$/.test(value) && parseTimeValue(value) === undefined);
}

interface Tick {
  at: number;
  label: string;
}

function monthTicks(start: number, end: number): Tick[] {
  const step = [1, 2, 3, 6].find((candidate) => (end - start) / 30.4 / candidate <= 6) ?? 12;
  const first = new Date(start * DAY_MS);
  const ticks: Tick[] = [];
  // Months counted from year 0, so stepping across a year boundary is plain addition.
  for (let index = Math.ceil((first.getUTCFullYear() * 12 + first.getUTCMonth()) / step) * step; ; index += step) {
    const year = Math.floor(index / 12);
    const month = (index % 12) + 1;
    const at = dayNumber(year, month, 1);
    if (at > end) return ticks;
    if (at >= start) ticks.push({ at, label: month === 1 || ticks.length === 0 ? `${MONTHS[month - 1]} ${year}` : `${MONTHS[month - 1]}` });
  }
}

function yearTicks(start: number, end: number): Tick[] {
  const firstYear = new Date(start * DAY_MS).getUTCFullYear();
  const lastYear = new Date(end * DAY_MS).getUTCFullYear();
  const step = [1, 2, 5, 10, 20, 50, 100].find((candidate) => (lastYear - firstYear) / candidate <= 6) ?? 100;
  const ticks: Tick[] = [];
  for (let year = Math.ceil(firstYear / step) * step; year <= lastYear; year += step) {
    const at = dayNumber(year, 1, 1);
    if (at >= start && at <= end) ticks.push({ at, label: String(year) });
  }
  return ticks;
}

function dayTicks(start: number, end: number): Tick[] {
  const step = [1, 2, 7, 14].find((candidate) => (end - start) / candidate <= 7) ?? 14;
  const ticks: Tick[] = [];
  for (let at = Math.ceil(start); at <= end; at += step) {
    const date = new Date(at * DAY_MS);
    ticks.push({ at, label: `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]}` });
  }
  return ticks;
}

function ticksFor(start: number, end: number): Tick[] {
  const days = end - start;
  if (days > 3 * 365) return yearTicks(start, end);
  if (days > 62) return monthTicks(start, end);
  return dayTicks(start, end);
}

/**
 * Horizontal positions are percentages of the figure's width and vertical ones pixels, so the axis
 * stretches with the window while text keeps its size (a scaled viewBox would shrink it to nothing
 * in a narrow window). The row labels sit in the first few percent.
 */
const PLOT_LEFT = 6;
const PLOT_RIGHT = 97;
const ROW_HEIGHT = 30;
const TOP = 6;
const AXIS_HEIGHT = 28;

function percent(value: number): string {
  return `${Math.round(value * 100) / 100}%`;
}

export interface Timeline {
  /** The SVG element, or undefined when no side has a date to draw. */
  svg: string | undefined;
  /** Rows with no value on the axis: listed under it as "date not stated". */
  undated: TimelineRow[];
}

/** Draws one row per side; values that are not dates leave the row off the axis and in `undated`. */
export function renderTimeline(rows: readonly TimelineRow[], titleId: string): Timeline {
  const placed = rows.map((row) => ({
    row,
    spans: row.values.flatMap((value) => {
      const span = parseTimeValue(value);
      return span ? [{ value, span }] : [];
    }),
  }));
  const drawn = placed.filter((entry) => entry.spans.length > 0);
  const undated = placed.filter((entry) => entry.spans.length === 0).map((entry) => entry.row);
  if (drawn.length === 0) return { svg: undefined, undated };

  const all = drawn.flatMap((entry) => entry.spans.map((item) => item.span));
  const min = Math.min(...all.map((span) => span.start));
  const max = Math.max(...all.map((span) => span.end));
  // Pad the domain so marks at the ends are not cut, and a lone day gets a readable week around it.
  const pad = Math.max((max - min) * 0.05, 3);
  const start = min - pad;
  const end = max + pad;
  const x = (day: number): number => PLOT_LEFT + ((day - start) / (end - start)) * (PLOT_RIGHT - PLOT_LEFT);

  const height = TOP + drawn.length * ROW_HEIGHT + AXIS_HEIGHT;
  const axisY = TOP + drawn.length * ROW_HEIGHT + 4;
  const parts: string[] = [];
  for (const tick of ticksFor(start, end)) {
    const tx = x(tick.at);
    const anchor = tx < PLOT_LEFT + 4 ? 'start' : tx > PLOT_RIGHT - 4 ? 'end' : 'middle';
    parts.push(
      `<line class="tl-grid" x1="${percent(tx)}" y1="${TOP}" x2="${percent(tx)}" y2="${axisY}"/>`,
      `<text class="tl-tick" x="${percent(tx)}" y="${axisY + 18}" text-anchor="${anchor}">${escapeHtml(tick.label)}</text>`,
    );
  }
  parts.push(`<line class="tl-axis" x1="${percent(PLOT_LEFT)}" y1="${axisY}" x2="${percent(PLOT_RIGHT)}" y2="${axisY}"/>`);

  drawn.forEach(({ row, spans }, index) => {
    const cy = TOP + index * ROW_HEIGHT + ROW_HEIGHT / 2;
    const modalityClass = row.modality === 'planned' ? 'tl-planned' : 'tl-held';
    parts.push(`<text class="tl-label" x="2" y="${cy + 5}">${escapeHtml(row.label)}</text>`);
    for (const { value, span } of spans) {
      const x1 = x(span.start);
      const x2 = x(span.end);
      const tooltip = `<title>${escapeHtml(`${row.label}: ${value} (${row.modality}), ${row.source}`)}</title>`;
      const mark = span.point
        ? `<circle class="tl-mark ${modalityClass}" cx="${percent((x1 + x2) / 2)}" cy="${cy}" r="7">${tooltip}</circle>`
        : `<rect class="tl-mark ${modalityClass}" x="${percent(x1)}" y="${cy - 7}" width="${percent(x2 - x1)}" height="14" rx="2">${tooltip}</rect>`;
      // Labels go right of the mark, or left of it in the last third of the axis, so they stay inside.
      const onLeft = x2 > PLOT_LEFT + (PLOT_RIGHT - PLOT_LEFT) * 0.67;
      const labelAt = onLeft ? `x="${percent(x1)}" dx="${span.point ? -10 : -6}" text-anchor="end"` : `x="${percent(x2)}" dx="${span.point ? 10 : 6}"`;
      parts.push(mark, `<text class="tl-value" ${labelAt} y="${cy + 4}">${escapeHtml(value)}</text>`);
    }
  });

  const description = drawn
    .map(({ row, spans }) => `${row.label} ${row.modality}: ${spans.map((item) => item.value).join(', ')}`)
    .join('; ');
  const svg =
    `<svg class="timeline-svg" width="100%" height="${height}" role="img" aria-labelledby="${titleId}">` +
    `<title id="${titleId}">${escapeHtml(`Timeline. ${description}`)}</title>${parts.join('')}</svg>`;
  return { svg, undated };
}
