/**
 * Dates of meetings: from the path (file name, then dated parent folder),
 * from headings and from frontmatter. ISO `YYYY-MM-DD` (or `YYYYMMDD` in file
 * names), month-name file names in a year(-month) folder (`2016-11/dec-1.md`),
 * and prose dates (`June 4, 2019`, `17. Mai 2023`) read by date-fns `parse`
 * over a list of formats and locales. Only real calendar dates in a plausible
 * range count: `2202-12-05` or month 13 are typos, not dates.
 */
import { de, enUS, isValid, parse } from '../date-fns.ts';

const MIN_YEAR = 1990;
const MAX_YEAR = 2099;

/** True for a real calendar day in the plausible range. */
export function isValidDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) return false;
  if (month < 1 || month > 12 || day < 1) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth;
}

function iso(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** `2023-05-17` -> itself when valid, else undefined. */
export function normalizeIsoDate(text: string): string | undefined {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text.trim());
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isValidDate(y, mo, d) ? iso(y, mo, d) : undefined;
}

/** Lower-case, non-alphanumerics to single dashes: `Overflow_Slot` -> `overflow-slot`. */
export function slugifySuffix(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

// `20230517`, `2023-05-17` (also `2023_05_17`, `2023.5.7`: one separator throughout), each optionally
// followed by `-suffix` (also `_`, `.` or a space: `20240115 copy`).
const DATED_NAME = /^(\d{4})(?:(\d{2})(\d{2})|([-_.])(\d{1,2})\4(\d{1,2}))(?:[-_. ](.*))?$/;

function dateFromName(name: string): { date: string; suffix: string } | undefined {
  const m = DATED_NAME.exec(name);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2] ?? m[5]), Number(m[3] ?? m[6])];
  if (!isValidDate(y, mo, d)) return undefined;
  return { date: iso(y, mo, d), suffix: slugifySuffix(m[7] ?? '') };
}

/** Locales whose month names are recognised, in the order they are tried. */
const LOCALES = [enUS, de];
/** Any fixed day: every format below gives year, month and day, so it only fills nothing. */
const REFERENCE_DAY = new Date(2000, 0, 1);

/**
 * `Sept` is a common English abbreviation that date-fns' English locale does
 * not know (it stops at `Sep` and then fails on the `t`): read it as `Sep`.
 */
const normaliseMonthWord = (text: string) => text.replace(/\b(sep)t\b\.?/gi, '$1');

function isoOf(d: Date): string | undefined {
  if (!isValid(d)) return undefined;
  const [y, mo, day] = [d.getFullYear(), d.getMonth() + 1, d.getDate()];
  return isValidDate(y, mo, day) ? iso(y, mo, day) : undefined;
}

/** Month number (1–12) of a month name or abbreviation in one of LOCALES (`dec`, `January`, `sept`, `Mai`). */
export function monthFromName(word: string): number | undefined {
  const text = normaliseMonthWord(word.trim());
  // One or two letters would match date-fns' "narrow" month names (`m` = March or May): not a month word.
  if (!/^\p{L}{3,}\.?$/u.test(text)) return undefined;
  for (const locale of LOCALES) {
    const d = parse(text, 'MMMM', REFERENCE_DAY, { locale });
    if (isValid(d)) return d.getMonth() + 1;
  }
  return undefined;
}

/**
 * Formats of a written date, tried in order with each locale. `MMMM` also
 * reads abbreviations (`Apr`, `Dez.`); `do` reads `8th`.
 */
const PROSE_FORMATS = [
  'MMMM d, yyyy', 'MMMM d yyyy', 'MMMM do, yyyy', 'MMMM do yyyy',
  'd MMMM yyyy', 'd MMMM, yyyy', 'do MMMM yyyy', 'do MMMM, yyyy', "do 'of' MMMM yyyy", "d 'of' MMMM yyyy",
  'd. MMMM yyyy', 'd. MMMM, yyyy',
];
// Where a written date may stand: month word then day, or day then month word, then a 4-digit year.
// Only the shape: date-fns decides whether the words are a month and the numbers a real day.
const PROSE_CANDIDATE = /(?<![\p{L}\d])(?:\p{L}{3,}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?|\d{1,2}(?:st|nd|rd|th|\.)?\s+(?:of\s+)?\p{L}{3,}\.?,?)\s+\d{4}(?!\d)/gu;

/** The first written date in a text (`Tuesday, June 4, 2019`, `Day One—18 November 2025`, `17. Mai 2023`). */
export function dateFromProse(text: string): { date: string; text: string; index: number } | undefined {
  for (const m of text.matchAll(PROSE_CANDIDATE)) {
    const candidate = normaliseMonthWord(m[0].replace(/\s+/g, ' '));
    for (const locale of LOCALES) {
      for (const format of PROSE_FORMATS) {
        const date = isoOf(parse(candidate, format, REFERENCE_DAY, { locale }));
        if (date) return { date, text: m[0], index: m.index };
      }
    }
  }
  return undefined;
}

/** `2019`, `2016-11`: a folder that files minutes by year or month (a bare year or month is no meeting's date). */
const YEAR_OR_MONTH = /^(\d{4})(?:[-_.](\d{1,2}))?$/;

/** Whether a folder name is a date (year, year-month, or a full date with an optional suffix), never a series. */
export function isDateFolder(name: string): boolean {
  const m = YEAR_OR_MONTH.exec(name);
  if (m) return isValidDate(Number(m[1]), m[2] ? Number(m[2]) : 1, 1);
  return dateFromName(name) !== undefined;
}

// `dec-1`, `january-24`, `sept-12-day2`: a month word and a day, optionally followed by `-suffix`.
const MONTH_DAY_NAME = /^(\p{L}{3,})\.?[-_ ]?(\d{1,2})(?:st|nd|rd|th)?(?:[-_.](.*))?$/u;

/**
 * A month-name file in a year or year-month folder: `2016-11/dec-1.md`. The
 * folder holds the month a meeting started in, so a month before the
 * folder's month is in the next year (`2016-12/jan-2.md` = 2017-01-02).
 */
function dateFromMonthDayName(stem: string, folders: string[]): { date: string; suffix: string } | undefined {
  const m = MONTH_DAY_NAME.exec(stem);
  if (!m) return undefined;
  const month = monthFromName(m[1]!);
  if (month === undefined) return undefined;
  for (let i = folders.length - 1; i >= 0; i--) {
    const f = YEAR_OR_MONTH.exec(folders[i]!);
    if (!f) continue;
    const folderMonth = f[2] ? Number(f[2]) : 1;
    const year = Number(f[1]) + (month < folderMonth ? 1 : 0);
    const day = Number(m[2]);
    if (!isValidDate(year, month, day)) return undefined;
    return { date: iso(year, month, day), suffix: slugifySuffix(m[3] ?? '') };
  }
  return undefined;
}

/** File stems that just mean "the minutes of this folder". */
const GENERIC_STEMS = new Set(['minutes', 'index', 'readme', 'notes', 'protokoll', 'protocol']);

/**
 * Date and slug suffix from a path relative to MINUTES_DIR: the file name
 * (`20230517-overflow.md`, or `dec-1.md` in a `2016-11/` folder) wins; else
 * the nearest dated folder (`2023-03-05-gx-hackathon-6/minutes.md`), whose
 * rest becomes the suffix (plus the file stem unless it is a generic
 * `minutes.md`).
 */
export function dateFromPath(source: string): { date: string; suffix: string } | undefined {
  const parts = source.split('/').filter(Boolean);
  const file = parts.pop();
  if (!file) return undefined;
  const stem = file.replace(/\.(md|markdown)$/i, '');
  const own = dateFromName(stem) ?? dateFromMonthDayName(stem, parts);
  if (own) return own;
  // Dated folders, nearest first (a dated folder is never the series folder).
  for (let i = parts.length - 1; i >= 0; i--) {
    const dated = dateFromName(parts[i]!);
    if (!dated) continue;
    const extra = GENERIC_STEMS.has(stem.toLowerCase()) ? '' : slugifySuffix(stem);
    return { date: dated.date, suffix: [dated.suffix, extra].filter(Boolean).join('-') };
  }
  return undefined;
}

/** Every `YYYY-MM-DD`-looking token in a text, valid or not, with its position. */
export function findDateTokens(text: string): { text: string; index: number; date?: string }[] {
  const out: { text: string; index: number; date?: string }[] = [];
  for (const m of text.matchAll(/(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?![\d])/g)) {
    const date = normalizeIsoDate(m[0]);
    out.push({ text: m[0], index: m.index, ...(date ? { date } : {}) });
  }
  return out;
}

/** A frontmatter `date` (YAML may give a Date object or a string) as `YYYY-MM-DD`. */
export function dateFromFrontmatter(value: unknown): string | undefined {
  if (value instanceof Date && !Number.isNaN(value.getTime())) {
    return normalizeIsoDate(value.toISOString().slice(0, 10));
  }
  if (typeof value === 'string') {
    const m = /^\s*(\d{4}-\d{1,2}-\d{1,2})(?:[T\s].*)?$/.exec(value);
    if (m) return normalizeIsoDate(m[1]!);
    // `date: June 4, 2019`: a written date that is the whole value.
    const prose = dateFromProse(value);
    return prose && prose.text.trim() === value.trim() ? prose.date : undefined;
  }
  return undefined;
}
