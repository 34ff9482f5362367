import type { Meeting } from '../minutes/types.ts';

/**
 * Text of an action item reduced for de-duplication across meetings:
 * links become their text (`[this](url)` → `this`, `<url>` → url), Markdown
 * emphasis and code marks are dropped, lower-case, every run of punctuation
 * and whitespace folds into one space. `bring [this](…) forward` and
 * `_Bring this forward._` give the same text.
 */
export function normalizeActionText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1') // inline links and images → their text
    .replace(/\[([^\]]*)\]\[[^\]]*\]/g, '$1') // reference links
    .replace(/<((?:https?|mailto):[^>\s]*)>/gi, '$1') // autolinks
    .replace(/<\/?[a-z][^>]*>/gi, ' ') // HTML tags
    .toLowerCase()
    .replace(/[*_~`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Chronological order: by date, undated meetings last, then by id (stable across builds). */
export function compareMeetingsAsc(a: Meeting, b: Meeting): number {
  if (a.date !== b.date) {
    if (a.date === null) return 1;
    if (b.date === null) return -1;
    return a.date < b.date ? -1 : 1;
  }
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Newest first: by date descending, undated meetings last, then by id. */
export function compareMeetingsDesc(a: Meeting, b: Meeting): number {
  if (a.date !== b.date) {
    if (a.date === null) return 1;
    if (b.date === null) return -1;
    return a.date < b.date ? 1 : -1;
  }
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Map entries sorted by count (descending), then key. */
export function rankCounts(counts: Map<string, number>): { key: string; count: number }[] {
  return [...counts]
    .map(([key, count]) => ({ key, count }))
    .sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** Anchor → heading text of one meeting ('' → ''), built once per meeting. */
export function headingTexts(meeting: Meeting): Map<string, string> {
  const map = new Map<string, string>([['', '']]);
  for (const h of meeting.headings) if (!map.has(h.anchor)) map.set(h.anchor, h.text);
  return map;
}
