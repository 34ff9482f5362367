/**
 * Extraction quality: participants, people (one page per identity), action
 * items with assignees, and issue keys.
 *
 * 1. Hand-labelled fixtures (tests/eval/fixtures/extraction/<family>/), one
 *    tiny archive per format family, each with expected.json.
 * 2. The openjs corpus (../shared/corpus/openjs-cpc-minutes), checked by its
 *    own conventions, when present: every `* Name (@handle)` line under
 *    `## Present` is a participant (recall), bare-name lines there are the
 *    person written with a handle elsewhere (or a name-keyed person), and the
 *    name+handle split rate (people written with both a name and a handle
 *    that end up as two person pages). The labels come from line patterns
 *    read here, independent of the parser.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_CONFIG } from '../../src/lib/config.ts';
import { parseMinutes } from '../../src/lib/minutes/parse.ts';
import type { Meeting } from '../../src/lib/minutes/types.ts';
import { parseAbbreviationList, parseAliases, withAbbreviations } from '../../src/lib/indexes/aliases.ts';
import { ABBREVIATION_FILES } from '../../src/settings.ts';
import { buildPeopleIndex, type PeopleIndex } from '../../src/lib/indexes/people.ts';
import { scoreSets, sumScores, type FieldScore } from './score.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const FIXTURES = path.join(here, 'fixtures', 'extraction');
const OPENJS = path.resolve(here, '../../../shared/corpus/openjs-cpc-minutes');

interface Expected {
  meetings: Record<string, { participants: string[]; actions: { line: number; assignees: string[] }[]; issues: string[] }>;
  people: Record<string, string>;
}

function markdownFiles(dir: string, rel = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? markdownFiles(path.join(dir, e.name), `${rel}${e.name}/`) : /\.md$/i.test(e.name) && e.name !== 'README.md' ? [`${rel}${e.name}`] : [],
  );
}

/** Load a minutes folder the way the build does: every file parsed, the people index built with the alias and abbreviation files next to them. */
function loadArchive(dir: string, files: string[]): { meetings: Meeting[]; people: PeopleIndex } {
  const meetings = files.map((source) => parseMinutes({ source, text: readFileSync(path.join(dir, source), 'utf8'), config: DEFAULT_CONFIG }).meeting);
  const aliasFile = path.join(dir, 'aliases.json');
  const raw = existsSync(aliasFile) ? JSON.parse(readFileSync(aliasFile, 'utf8')) : undefined;
  const list = ABBREVIATION_FILES.map((f) => path.join(dir, f)).find((f) => existsSync(f));
  const abbreviations = parseAbbreviationList(list ? readFileSync(list, 'utf8') : '');
  const aliases = withAbbreviations(parseAliases(raw).aliases, abbreviations.entries);
  return { meetings, people: buildPeopleIndex(meetings, aliases) };
}

/** Scores of the labelled fixtures alone (no corpus): quick enough for the unit tests. */
export function fixtureScores(): FieldScore[] {
  const rows: FieldScore[] = [];
  for (const family of readdirSync(FIXTURES).filter((f) => statSync(path.join(FIXTURES, f)).isDirectory()).sort()) {
    const dir = path.join(FIXTURES, family);
    const expected = JSON.parse(readFileSync(path.join(dir, 'expected.json'), 'utf8')) as Expected;
    const { meetings, people } = loadArchive(dir, Object.keys(expected.meetings));
    const suite = `fixtures/${family}`;
    const wantP: string[] = [], gotP: string[] = [], wantA: string[] = [], gotA: string[] = [];
    const wantAs: string[] = [], gotAs: string[] = [], wantI: string[] = [], gotI: string[] = [];
    for (const m of meetings) {
      const e = expected.meetings[m.source]!;
      wantP.push(...e.participants.map((k) => `${m.source} ${k}`));
      gotP.push(...m.participants.map((p) => `${m.source} ${people.resolve(p.key)}`));
      wantA.push(...e.actions.map((a) => `${m.source}:${a.line}`));
      gotA.push(...m.actionItems.map((a) => `${m.source}:${a.line}`));
      wantAs.push(...e.actions.flatMap((a) => a.assignees.map((k) => `${m.source}:${a.line} ${k}`)));
      gotAs.push(...m.actionItems.flatMap((a) => a.assignees.map((k) => `${m.source}:${a.line} ${people.resolve(k)}`)));
      wantI.push(...e.issues.map((k) => `${m.source} ${k}`));
      gotI.push(...m.issues.map((i) => `${m.source} ${i.key}`));
    }
    const wantPeople = Object.keys(expected.people);
    const wantNames = Object.entries(expected.people).map(([k, n]) => `${k} = ${n}`);
    const gotNames = [...people.values()].map((p) => `${p.key} = ${p.name}`);
    rows.push(
      withNote(scoreSets(suite, 'participants', wantP, gotP)),
      withNote(scoreSets(suite, 'people', wantPeople, [...people.keys()])),
      withNote(scoreSets(suite, 'person names', wantNames, gotNames)),
      withNote(scoreSets(suite, 'action items', wantA, gotA)),
      withNote(scoreSets(suite, 'action assignees', wantAs, gotAs)),
      withNote(scoreSets(suite, 'issue keys', wantI, gotI)),
    );
  }
  const total = sumScores(rows.map((r) => ({ suite: 'fixtures (all)', field: r.field, tp: r.tp, fp: r.fp, fn: r.fn })));
  return [...rows, ...total];
}

function withNote(s: ReturnType<typeof scoreSets>): FieldScore {
  const parts = [s.missed.length ? `missed: ${s.missed.join(' | ')}` : '', s.extra.length ? `extra: ${s.extra.join(' | ')}` : ''].filter(Boolean);
  return { suite: s.suite, field: s.field, tp: s.tp, fp: s.fp, fn: s.fn, ...(parts.length ? { note: parts.join('\n') } : {}) };
}

// ---------------------------------------------------------------------------
// openjs corpus, by its own conventions

/**
 * One `## Present` entry line, read by pattern: `Name (@handle)`,
 * `Name(@handle)`, `ABBR: Name (@handle)`, `@handle`, or a bare name (one to
 * four capitalised words); a note after ` - ` or in trailing brackets is
 * dropped. Anything else is left unlabelled (undefined).
 */
function readPresentLine(text: string): { name?: string; handle?: string } | undefined {
  const t = text.replace(/\s+/g, ' ').trim().replace(/^\p{Lu}{2,5}:\s*/u, '').replace(/\s[-–]\s.*$/, '');
  const withHandle = /^([^@()]*?)\s*\(?@([A-Za-z0-9][\w-]*)\)?/.exec(t);
  if (withHandle) return { ...(withHandle[1] ? { name: withHandle[1].trim() } : {}), handle: withHandle[2]!.toLowerCase().replace(/_/g, '') };
  const bare = /^([\p{Lu}][\p{L}'’.-]*(?: (?:[\p{Lu}][\p{L}'’.-]*|de|da|van|von|der|den|del|di|la|le)){0,3})(?: \([^)@]*\))?$/u.exec(t);
  return bare ? { name: bare[1]! } : undefined;
}

/** Entry lines under `## Present` (bulleted or not) up to the next heading. */
function presentEntries(text: string): { name?: string; handle?: string }[] {
  const out: { name?: string; handle?: string }[] = [];
  let inPresent = false;
  for (const line of text.split('\n')) {
    const h = /^#{1,6}\s+(.*)$/.exec(line);
    if (h) {
      inPresent = /^present\s*:?$/i.test(h[1]!.trim());
      continue;
    }
    if (!inPresent || !line.trim()) continue;
    const entry = readPresentLine(line.replace(/^\s*[*-]\s+/, ''));
    if (entry) out.push(entry);
  }
  return out;
}

function openjsScores(): FieldScore[] {
  if (!existsSync(OPENJS)) return [{ suite: 'openjs', field: 'corpus', tp: 0, fp: 0, fn: 0, note: `not found: ${OPENJS}` }];
  const dir = path.join(OPENJS, 'meetings');
  const files = markdownFiles(dir).filter((f) => /\d{4}-\d{2}-\d{2}[^/]*\.md$/.test(f));
  const { meetings, people } = loadArchive(dir, files);
  const entriesByFile = new Map(files.map((f) => [f, presentEntries(readFileSync(path.join(dir, f), 'utf8'))]));
  // Names written with a handle anywhere in the corpus.
  const handlesOfName = new Map<string, Set<string>>();
  for (const entries of entriesByFile.values()) {
    for (const e of entries) {
      if (!e.name || !e.handle) continue;
      const k = e.name.toLowerCase();
      (handlesOfName.get(k) ?? handlesOfName.set(k, new Set()).get(k)!).add(e.handle);
    }
  }
  const expectedKey = (e: { name?: string; handle?: string }): string => {
    if (e.handle) return e.handle;
    const hs = handlesOfName.get(e.name!.toLowerCase());
    return hs && hs.size === 1 ? [...hs][0]! : e.name!.toLowerCase();
  };
  const wantHandle: string[] = [], wantName: string[] = [], got: string[] = [];
  const want: string[] = [];
  for (const m of meetings) {
    const entries = entriesByFile.get(m.source) ?? [];
    if (entries.length === 0) continue;
    for (const e of entries) {
      const id = `${m.source} ${expectedKey(e)}`;
      (e.handle ? wantHandle : wantName).push(id);
      want.push(id);
    }
    got.push(...m.participants.map((p) => `${m.source} ${people.resolve(p.key)}`));
  }
  const handleRow = scoreSets('openjs ## Present', 'Name (@handle) lines', wantHandle, got.filter((g) => wantHandle.includes(g)));
  const nameRow = scoreSets('openjs ## Present', 'bare-name lines', wantName, got.filter((g) => wantName.includes(g)));
  const all = scoreSets('openjs ## Present', 'participants', want, got);
  // Split rate: a person written with a name and one handle, who also has a page under the name alone.
  let split = 0;
  let total = 0;
  const splitNames: string[] = [];
  for (const [name, hs] of handlesOfName) {
    if (hs.size !== 1) continue;
    total++;
    const handle = [...hs][0]!;
    if (people.has(name) && people.resolve(name) !== people.resolve(handle)) {
      split++;
      splitNames.push(name);
    }
  }
  // Action items: every line that opens with a free-text marker (`AI:`, `Action Item:`, `Action item for X:`) is one.
  const wantAI: string[] = [];
  for (const m of meetings) {
    readFileSync(path.join(dir, m.source), 'utf8').split('\n').forEach((line, i) => {
      if (/^\s*(?:[-*]\s+)?[_*]*(?:AI|Action items?(?: for [^:]+)?)[_*]*\s*:[_*]*\s*\S/i.test(line)) wantAI.push(`${m.source}:${i + 1}`);
    });
  }
  const gotAI = meetings.flatMap((m) => m.actionItems.map((a) => `${m.source}:${a.line}`));
  const aiRow = scoreSets('openjs markers', 'action marker lines', wantAI, gotAI.filter((g) => wantAI.includes(g)));
  return [
    { suite: aiRow.suite, field: aiRow.field, tp: aiRow.tp, fp: 0, fn: aiRow.fn, note: `recall only; ${gotAI.length} action items found in all${aiRow.missed.length ? `; missed: ${aiRow.missed.join(' | ')}` : ''}` },
    { suite: handleRow.suite, field: handleRow.field, tp: handleRow.tp, fp: 0, fn: handleRow.fn, note: `${meetings.length} meetings; ${entriesByFile.size} files read` },
    { suite: nameRow.suite, field: nameRow.field, tp: nameRow.tp, fp: 0, fn: nameRow.fn },
    withNote(all),
    {
      suite: 'openjs identity',
      field: 'name+handle split',
      tp: total - split,
      fp: 0,
      fn: split,
      note: `split rate ${total ? ((100 * split) / total).toFixed(1) : '0'} % (${split} of ${total} people written with a name and one handle have a second page under the bare name)${splitNames.length ? `: ${splitNames.slice(0, 8).join(', ')}…` : ''}`,
    },
  ];
}

export async function evaluate(): Promise<FieldScore[]> {
  return [...fixtureScores(), ...openjsScores()];
}
