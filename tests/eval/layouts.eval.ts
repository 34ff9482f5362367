/**
 * Evaluation of "which files are meetings, of what date, in which series,
 * under what title" (issue 12), for `npm run eval`: per-field true/false
 * positives and false negatives over the layout fixtures
 * (tests/fixtures/layouts, all four fields) and the openjs corpus
 * (../shared/corpus/openjs-cpc-minutes: is-meeting and date, by the
 * repository's own convention `meetings/…/<YYYY-MM-DD>[-topic].md`).
 * Runs the loader's steps without Astro (src/loaders/catalogue.ts).
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { catalogueMinutes } from '../../src/loaders/catalogue.ts';
import { LAYOUTS_DIR, layoutFamilies } from '../fixtures/layouts/expected.ts';
import { OPENJS_CORPUS } from '../setup/sites.ts';
import { scoreSets, sumScores, type FieldScore } from './score.ts';

/** scoreSets with a short note of what was missed or extra. */
function score(suite: string, field: string, expected: Iterable<string>, found: Iterable<string>): FieldScore {
  const { missed, extra, ...row } = scoreSets(suite, field, expected, found);
  const note = [...missed.slice(0, 3).map((x) => `missed ${x}`), ...extra.slice(0, 3).map((x) => `extra ${x}`)].join('; ');
  return { ...row, ...(note ? { note } : {}) };
}

function markdownFiles(dir: string, rel = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.name === '.git' ? [] : e.isDirectory() ? markdownFiles(path.join(dir, e.name), `${rel}${e.name}/`) : e.name.endsWith('.md') ? [`${rel}${e.name}`] : [],
  );
}

async function fixtures(): Promise<FieldScore[]> {
  const rows: FieldScore[] = [];
  const suite = 'layouts: fixtures';
  for (const family of layoutFamilies) {
    const { meetings } = catalogueMinutes(path.join(LAYOUTS_DIR, family.family));
    const key = (m: { source: string }) => `${family.family}/${m.source}`;
    rows.push(score(suite, 'is-meeting', family.meetings.map(key), meetings.map(key)));
    for (const field of ['date', 'series', 'title'] as const) {
      // A field is right when the meeting is found with that value: `<file> = <value>` pairs.
      const pair = (m: { source: string; date: string | null; series: string; title: string }) => `${key(m)} = ${m[field]}`;
      rows.push(score(suite, field, family.meetings.map(pair), meetings.map(pair)));
    }
  }
  return sumScores(rows);
}

/** The openjs repository's convention: meeting files live under meetings/ and are named by their date. */
const OPENJS_MEETING = /^meetings\/(?:[^/]+\/)*(\d{4}-\d{2}-\d{2})(?:-[^/]*)?\.md$/;

async function openjs(): Promise<FieldScore[]> {
  const suite = 'layouts: openjs corpus';
  if (!existsSync(OPENJS_CORPUS)) return [{ suite, field: 'is-meeting', tp: 0, fp: 0, fn: 0, note: `corpus not found at ${OPENJS_CORPUS}` }];
  const expected = new Map(markdownFiles(OPENJS_CORPUS).flatMap((f) => {
    const m = OPENJS_MEETING.exec(f);
    return m ? [[f, m[1]!] as const] : [];
  }));
  const { meetings } = catalogueMinutes(OPENJS_CORPUS);
  return [
    score(suite, 'is-meeting', expected.keys(), meetings.map((m) => m.source)),
    score(suite, 'date', [...expected].map(([s, d]) => `${s} = ${d}`), meetings.map((m) => `${m.source} = ${m.date}`)),
  ];
}

export async function evaluate(): Promise<FieldScore[]> {
  return [...(await fixtures()), ...(await openjs())];
}
