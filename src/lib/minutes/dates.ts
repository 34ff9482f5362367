/**
 * Dates of meetings: from the path (file name, then dated parent folder),
 * from headings and from frontmatter. Only ISO `YYYY-MM-DD` (or `YYYYMMDD`
 * in file names) is recognised, and only real calendar dates in a plausible
 * range: `2202-12-05` or month 13 are typos, not dates.
 */

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

// `20230517`, `2023-05-17`, each optionally followed by `-suffix` (also `_`/`.`).
const DATED_NAME = /^(\d{4})(-?)(\d{2})\2(\d{2})(?:[-_.](.*))?$/;

function dateFromName(name: string): { date: string; suffix: string } | undefined {
  const m = DATED_NAME.exec(name);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[3]), Number(m[4])];
  if (!isValidDate(y, mo, d)) return undefined;
  return { date: iso(y, mo, d), suffix: slugifySuffix(m[5] ?? '') };
}

/** File stems that just mean "the minutes of this folder". */
const GENERIC_STEMS = new Set(['minutes', 'index', 'readme', 'notes', 'protokoll', 'protocol']);

/**
 * Date and slug suffix from a path relative to MINUTES_DIR: the file name
 * (`20230517-overflow.md`) wins; else the nearest dated folder below the
 * series folder (`2023-03-05-gx-hackathon-6/minutes.md`), whose rest becomes
 * the suffix (plus the file stem unless it is a generic `minutes.md`).
 */
export function dateFromPath(source: string): { date: string; suffix: string } | undefined {
  const parts = source.split('/').filter(Boolean);
  const file = parts.pop();
  if (!file) return undefined;
  const stem = file.replace(/\.(md|markdown)$/i, '');
  const own = dateFromName(stem);
  if (own) return own;
  // Folders below the series folder, nearest first.
  for (let i = parts.length - 1; i >= 1; i--) {
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
    return m ? normalizeIsoDate(m[1]!) : undefined;
  }
  return undefined;
}
