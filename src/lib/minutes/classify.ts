/**
 * Which parsed files are meetings. A file becomes a meeting only when it has
 * a date (path, frontmatter or heading); an undated file is "not minutes"
 * when its series holds no dated minutes or its name is a repository
 * document's (README, charter, policy, template…). An undated file among
 * dated minutes keeps its page (and its "no date" warning). A dated
 * byte-identical copy of a meeting's file keeps its URLs as a copy.
 */
import { dateFromPath } from './dates.ts';
import { isDocumentName } from './layout.ts';
import type { Meeting, MeetingCopy } from './types.ts';
import { SKIP_REASONS } from '../report.ts';

/** The reasons of the undated files that are not minutes (kept with every other skip reason in lib/report.ts). */
export const NOT_MINUTES = { document: SKIP_REASONS.document, undatedFolder: SKIP_REASONS.undatedFolder } as const;

/** Reason per source for the undated files that are not minutes; the others are meetings. */
export function notMinutesReasons(meetings: readonly Pick<Meeting, 'source' | 'series' | 'date'>[]): Map<string, string> {
  const datedSeries = new Set(meetings.filter((m) => m.date !== null).map((m) => m.series));
  const out = new Map<string, string>();
  for (const m of meetings) {
    if (m.date !== null) continue;
    if (isDocumentName(m.source)) out.set(m.source, NOT_MINUTES.document);
    else if (!datedSeries.has(m.series)) out.set(m.source, NOT_MINUTES.undatedFolder);
  }
  return out;
}

/**
 * The copy record of a byte-identical file, when it is dated by its own path
 * and the file it copies is a meeting; undefined otherwise (a plain duplicate).
 */
export function copyOfMeeting(source: string, series: string, original: Meeting | undefined): MeetingCopy | undefined {
  const own = dateFromPath(source);
  if (!own || !original) return undefined;
  const slug = [own.date, own.suffix].filter(Boolean).join('-');
  return { id: `${series}/${slug}`, series, slug, date: own.date, source, copyOf: original.id, title: original.title };
}
