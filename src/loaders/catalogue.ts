/**
 * From the files found to the meetings of the archive: parse each Markdown
 * file in its series, keep the meetings (dated files, and undated ones among
 * dated minutes), list the rest as "not minutes", give dated copies their
 * URLs and make meeting ids unique. The loader (minutes.ts) runs these steps
 * with its cache; `catalogueMinutes` runs them all, without Astro, for tests
 * and the evaluation (tests/eval/layouts.eval.ts).
 */
import { resolveConfig, seriesName } from '../lib/config.ts';
import { nameSeries } from '../lib/indexes/series-names.ts';
import { copyOfMeeting, notMinutesReasons } from '../lib/minutes/classify.ts';
import { assignSeries, rootSeriesName } from '../lib/minutes/layout.ts';
import { parseMinutes } from '../lib/minutes/parse.ts';
import type { ArchiveConfig, Meeting, MeetingCopy } from '../lib/minutes/types.ts';
import { RESERVED_SEGMENTS } from '../lib/paths.ts';
import { copyReason, keptCopyReason, SKIP_REASONS, type ReportEntry } from '../lib/report.ts';
import { excludedBy, takeInventory, type CopiedFile, type Inventory } from './inventory.ts';

export interface Candidate {
  source: string;
  meeting: Meeting;
}

export interface Settled {
  /** Meetings kept from an earlier build (ids unchanged), then the newly parsed ones (ids made unique). */
  kept: Candidate[];
  fresh: Candidate[];
  /** Undated files that are not minutes: report entries. */
  notMinutes: ReportEntry[];
  /** Byte-identical copies: a copy record when the copy keeps URLs of its own, and the report entry. */
  copies: { copy?: MeetingCopy; report: ReportEntry }[];
}

/** Series id per Markdown file (copies included: their dates make a folder a series too). */
export function seriesOfInventory(inventory: Pick<Inventory, 'minutes' | 'copies'>, minutesDir: string): Map<string, string> {
  return assignSeries([...inventory.minutes.map((f) => f.source), ...inventory.copies.map((c) => c.source)], rootSeriesName(minutesDir));
}

/**
 * Decide what each parsed file becomes. `kept` meetings (from the cache)
 * keep their ids; a `fresh` meeting whose id is taken gets a numbered one
 * (`-2`) and a warning, as two files claiming the same meeting both get pages.
 */
export function settleMeetings(kept: Candidate[], fresh: Candidate[], copies: readonly CopiedFile[], seriesOf: ReadonlyMap<string, string>): Settled {
  const reasons = notMinutesReasons([...kept, ...fresh].map((c) => c.meeting));
  const notMinutes: ReportEntry[] = [...reasons].map(([source, reason]) => ({ source, status: 'skipped', reason, warnings: [] }));
  const isPage = (c: Candidate) => !reasons.has(c.source);
  const pagesKept = kept.filter(isPage);
  const pagesFresh = fresh.filter(isPage);

  const taken = new Map(pagesKept.map((c) => [c.meeting.id, c.source]));
  for (const { source, meeting: m } of pagesFresh) {
    const other = taken.get(m.id);
    if (other !== undefined) {
      let n = 2;
      while (taken.has(`${m.id}-${n}`)) n++;
      m.warnings.push({ message: `same meeting as ${other}; this page is ${m.slug}-${n}` });
      m.slug = `${m.slug}-${n}`;
      m.id = `${m.id}-${n}`;
    }
    if (RESERVED_SEGMENTS.has(m.series)) {
      m.warnings.push({ message: `the series folder "${m.series}" has the name of a part of the site (/${m.series}/): rename the folder, or its pages clash with the site's` });
    }
    taken.set(m.id, source);
  }

  const pageBySource = new Map([...pagesKept, ...pagesFresh].map((c) => [c.source, c.meeting]));
  const settledCopies = copies.map(({ source, copyOf }) => {
    const original = pageBySource.get(copyOf);
    const copy = copyOfMeeting(source, seriesOf.get(source) ?? '', original);
    // A copy of the same date as a meeting (`2025-08-18.md` = `20250818.md`) has that meeting's URLs already.
    if (!copy || taken.has(copy.id)) return { report: { source, status: 'duplicate', reason: copyReason(copyOf), warnings: [] } satisfies ReportEntry };
    taken.set(copy.id, source);
    const report: ReportEntry = { source, status: 'duplicate', id: copy.id, reason: keptCopyReason(copyOf, original!.id), warnings: [] };
    return { copy, report };
  });
  return { kept: pagesKept, fresh: pagesFresh, notMinutes, copies: settledCopies };
}

export interface Catalogue {
  /** Meetings as the pages show them (fallback titles use the series names). */
  meetings: Meeting[];
  /** Display name of every series (configured, else the title its meetings share, else the folder's). */
  seriesNames: Record<string, string>;
  copies: MeetingCopy[];
  /** One entry per file found (pages, not minutes, copies, skipped files). */
  report: ReportEntry[];
}

/** Every step of the loader but rendering, on a minutes folder: what the archive would publish. */
export function catalogueMinutes(minutesDir: string, config: ArchiveConfig = resolveConfig(undefined).config): Catalogue {
  const inventory = takeInventory(minutesDir, excludedBy(config.exclude));
  const seriesOf = seriesOfInventory(inventory, minutesDir);
  const decoder = new TextDecoder('utf-8', { fatal: false });
  const fresh = inventory.minutes.map((file) => ({
    source: file.source,
    meeting: parseMinutes({ source: file.source, text: decoder.decode(file.bytes), config, series: seriesOf.get(file.source) ?? '' }).meeting,
  }));
  const settled = settleMeetings([], fresh, inventory.copies, seriesOf);
  const named = nameSeries(settled.fresh.map((c) => c.meeting), config);
  const meetings = named.meetings;
  return {
    meetings,
    seriesNames: Object.fromEntries([...new Set(meetings.map((m) => m.series))].map((s) => [s, seriesName(named.config, s)])),
    copies: settled.copies.flatMap((c) => (c.copy ? [c.copy] : [])),
    report: [
      ...meetings.map((m): ReportEntry => ({ source: m.source, status: 'page', id: m.id, warnings: m.warnings })),
      ...settled.notMinutes,
      ...settled.copies.map((c) => c.report),
      ...inventory.others,
      ...inventory.images.map((source): ReportEntry => ({ source, status: 'skipped', reason: SKIP_REASONS.image, warnings: [] })),
    ],
  };
}
