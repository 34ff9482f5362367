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

/** Same shape as tests/eval/score.ts (the eval runner's). */
export interface FieldScore {
  suite: string;
  field: string;
  tp: number;
  fp: number;
  fn: number;
  note?: string;
}

function score(suite: string, field: string, expected: Iterable<string>, found: Iterable<string>): FieldScore {
  const want = new Set(expected);
  const got = new Set(found);
  const tp = [...got].filter((x) => want.has(x)).length;
  const missed = [...want].filter((x) => !got.has(x));
  const extra = [...got].filter((x) => !want.has(x));
  const note = [...missed.slice(0, 3).map((x) => `missed ${x}`), ...extra.slice(0, 3).map((x) => `extra ${x}`)].join('; ');
  return { suite, field, tp, fp: extra.length, fn: missed.length, ...(note ? { note } : {}) };
}

function sum(rows: FieldScore[]): FieldScore[] {
  const out = new Map<string, FieldScore>();
  for (const r of rows) {
    const key = `${r.suite}\n${r.field}`;
    const s = out.get(key);
    if (!s) out.set(key, { ...r });
    else {
      s.tp += r.tp;
      s.fp += r.fp;
      s.fn += r.fn;
      if (r.note) s.note = [s.note, r.note].filter(Boolean).join('; ');
    }
  }
  return [...out.values()];
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
    const { meetings } = await catalogueMinutes(path.join(LAYOUTS_DIR, family.family));
    const key = (m: { source: string }) => `${family.family}/${m.source}`;
    rows.push(score(suite, 'is-meeting', family.meetings.map(key), meetings.map(key)));
    for (const field of ['date', 'series', 'title'] as const) {
      // A field is right when the meeting is found with that value: `<file> = <value>` pairs.
      const pair = (m: { source: string; date: string | null; series: string; title: string }) => `${key(m)} = ${m[field]}`;
      rows.push(score(suite, field, family.meetings.map(pair), meetings.map(pair)));
    }
  }
  return sum(rows);
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
  const { meetings } = await catalogueMinutes(OPENJS_CORPUS);
  return [
    score(suite, 'is-meeting', expected.keys(), meetings.map((m) => m.source)),
    score(suite, 'date', [...expected].map(([s, d]) => `${s} = ${d}`), meetings.map((m) => `${m.source} = ${m.date}`)),
  ];
}

export async function evaluate(): Promise<FieldScore[]> {
  return [...(await fixtures()), ...(await openjs())];
}
