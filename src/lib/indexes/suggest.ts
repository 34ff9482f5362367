/**
 * Likely aliases that the alias file does not cover yet, for the build report
 * (never applied silently). Each suggestion says which key probably is a
 * variant (`a`, the rarer one) of which (`b`) and why:
 *
 *   matfecher → matfechner (edit distance 1; 1 vs 25 meetings)
 *   anja.strunk → anjastrunk (same apart from - . and spaces; 2 vs 9 meetings)
 *   kurt garloff → garloff (name matches handle; 3 vs 180 meetings)
 *   friederike → friederikezelke (first name of; 1 vs 12 meetings)
 *
 * Rules, in priority order (one suggestion per pair):
 *   same-name: two handles written with the same name (`Eli Novak (@enovak)`,
 *         `Eli Novak (@eli-n)`); the bare name stays its own person;
 *   punctuation: equal once `-`, `.` and spaces are removed;
 *   name: a plain name (with a space) whose first+last, initial+last, last or
 *         first name word equals another key (compact form);
 *   edit-distance: Levenshtein ≤ 1 when the shorter key has ≥ 5 characters,
 *         ≤ 2 when it has ≥ 8 (short handles like `b1`/`b2` are never paired);
 *   prefix: a single-word key of ≥ 4 letters that starts another key (a first
 *         name written alone), at most 3 longer keys per prefix.
 * Two variants of one key (matfecher and mafechner, both → matfechner) are
 * not also suggested for each other.
 * Cost: punctuation and name are hash look-ups, prefix is a binary search in
 * a sorted list; edit distance compares all pairs with a length filter up to
 * `pairwiseLimit` keys (default 1,500: ~1M cheap comparisons) and above that
 * only keys sharing a one-deletion variant (SymSpell buckets, O(n·L)), which
 * finds every distance-1 pair and transpositions.
 */
import { distance } from 'fastest-levenshtein';
import { EMPTY_ALIASES, pairKey, resolvePerson, type AliasTable } from './aliases.ts';

export type SuggestionReason = 'punctuation' | 'name' | 'edit-distance' | 'prefix' | 'same-name';

export interface AliasSuggestion {
  /** The probable variant (fewer meetings). */
  a: string;
  /** The probable canonical key (more meetings). */
  b: string;
  reason: SuggestionReason;
  /** Levenshtein distance, for `edit-distance`. */
  distance?: number;
  aCount: number;
  bCount: number;
  /** One line for the build report, e.g. `matfecher → matfechner (edit distance 1; 1 vs 25 meetings)`. */
  message: string;
}

export interface SuggestOptions {
  /** Up to this many keys, edit distance compares every pair (length-filtered); above, deletion buckets. */
  pairwiseLimit?: number;
  /** Names written with several handles (name → handle keys): each pair of those handles is suggested, never merged. */
  sameName?: ReadonlyMap<string, readonly string[]>;
}

type CountInput = ReadonlyMap<string, { meetings: readonly unknown[] }> | Iterable<{ key: string; count: number }>;

const compact = (k: string) => k.replace(/[-.\s]/g, '');

function maxDistance(a: string, b: string): number {
  const min = Math.min(a.length, b.length);
  return min >= 8 ? 2 : min >= 5 ? 1 : 0;
}

const REASON_TEXT: Record<SuggestionReason, string> = {
  punctuation: 'same apart from - . and spaces',
  name: 'name matches handle',
  'edit-distance': 'edit distance',
  prefix: 'first name of',
  'same-name': 'one name written with both handles',
};

export function formatSuggestion(s: Omit<AliasSuggestion, 'message'>): string {
  const why = s.reason === 'edit-distance' ? `edit distance ${s.distance}` : REASON_TEXT[s.reason];
  return `${s.a} → ${s.b} (${why}; ${s.aCount} vs ${s.bCount} meeting${s.bCount === 1 ? '' : 's'})`;
}

/**
 * Suggest aliases among person keys with their meeting counts: a people index
 * (count = meetings attended) or `{ key, count }` items. Pairs already merged
 * by the alias table, or declared `distinct` there, are left out.
 */
export function suggestAliases(input: CountInput, aliases: AliasTable = EMPTY_ALIASES, options: SuggestOptions = {}): AliasSuggestion[] {
  const counts = new Map<string, number>();
  if (input instanceof Map) {
    for (const [key, p] of input as ReadonlyMap<string, { meetings: readonly unknown[] }>) counts.set(key, p.meetings.length);
  } else {
    for (const { key, count } of input as Iterable<{ key: string; count: number }>) {
      const k = resolvePerson(aliases, key);
      counts.set(k, (counts.get(k) ?? 0) + count);
    }
  }
  const keys = [...counts.keys()].filter((k) => k !== '').sort();
  const found = new Map<string, AliasSuggestion>();

  const add = (x: string, y: string, reason: SuggestionReason, d?: number) => {
    if (x === y) return;
    const pk = pairKey(x, y);
    if (found.has(pk) || aliases.distinct.has(pk)) return;
    if (resolvePerson(aliases, x) === resolvePerson(aliases, y)) return;
    const cx = counts.get(x) ?? 0;
    const cy = counts.get(y) ?? 0;
    // b is the more frequent key; on a tie prefer a handle over a plain name, then the alphabetically first.
    const hx = !x.includes(' ');
    const hy = !y.includes(' ');
    const xIsB = cx !== cy ? cx > cy : hx !== hy ? hx : x < y;
    const [a, b] = xIsB ? [y, x] : [x, y];
    const s = { a, b, reason, ...(d === undefined ? {} : { distance: d }), aCount: counts.get(a) ?? 0, bCount: counts.get(b) ?? 0 };
    found.set(pk, { ...s, message: formatSuggestion(s) });
  };

  // 0. same-name: one name written with two handles.
  for (const handles of options.sameName?.values() ?? []) {
    const known = handles.filter((h) => counts.has(h));
    for (let i = 0; i < known.length; i++) for (let j = i + 1; j < known.length; j++) add(known[i]!, known[j]!, 'same-name');
  }

  // 1. punctuation: group by compact form.
  const byCompact = new Map<string, string[]>();
  for (const k of keys) {
    const c = compact(k);
    const g = byCompact.get(c);
    if (g) g.push(k);
    else byCompact.set(c, [k]);
  }
  for (const g of byCompact.values()) for (let i = 0; i < g.length; i++) for (let j = i + 1; j < g.length; j++) add(g[i]!, g[j]!, 'punctuation');

  // 2. name: a plain name against handles.
  for (const k of keys) {
    if (!k.includes(' ')) continue;
    const words = k.split(' ').map(compact).filter((w) => w !== '');
    if (words.length < 2) continue;
    const first = words[0]!;
    const last = words[words.length - 1]!;
    const candidates = new Set([first + last, first[0]! + last, first + last[0]!, last, first].filter((c) => c.length >= 3));
    for (const c of candidates) for (const other of byCompact.get(c) ?? []) if (!other.includes(' ')) add(k, other, 'name');
  }

  // 3. edit distance.
  const limit = options.pairwiseLimit ?? 1500;
  const tryPair = (x: string, y: string) => {
    const max = maxDistance(x, y);
    if (max === 0 || Math.abs(x.length - y.length) > max || found.has(pairKey(x, y))) return;
    const d = distance(x, y);
    if (d > 0 && d <= max) add(x, y, 'edit-distance', d);
  };
  if (keys.length <= limit) {
    const byLength = [...keys].sort((a, b) => a.length - b.length);
    for (let i = 0; i < byLength.length; i++) {
      const x = byLength[i]!;
      for (let j = i + 1; j < byLength.length && byLength[j]!.length - x.length <= 2; j++) tryPair(x, byLength[j]!);
    }
  } else {
    const buckets = new Map<string, string[]>();
    const put = (variant: string, k: string) => {
      const b = buckets.get(variant);
      if (!b) buckets.set(variant, [k]);
      else if (b[b.length - 1] !== k) b.push(k);
    };
    for (const k of keys) {
      if (k.length < 5) continue;
      put(k, k);
      for (let i = 0; i < k.length; i++) put(k.slice(0, i) + k.slice(i + 1), k);
    }
    for (const b of buckets.values()) {
      if (b.length < 2 || b.length > 50) continue; // a huge bucket is a common stem, not a typo
      for (let i = 0; i < b.length; i++) for (let j = i + 1; j < b.length; j++) tryPair(b[i]!, b[j]!);
    }
  }

  // 4. prefix: a first name alone vs a longer key that starts with it.
  const sortedCompact = [...byCompact.keys()].sort();
  for (const k of keys) {
    if (!/^\p{L}{4,}$/u.test(k)) continue;
    let lo = 0;
    let hi = sortedCompact.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sortedCompact[mid]! < k) lo = mid + 1;
      else hi = mid;
    }
    const longer: string[] = [];
    for (let i = lo; i < sortedCompact.length && sortedCompact[i]!.startsWith(k); i++) {
      if (sortedCompact[i] !== k) longer.push(...byCompact.get(sortedCompact[i]!)!);
      if (longer.length > 3) break;
    }
    if (longer.length <= 3) for (const other of longer) add(k, other, 'prefix');
  }

  // Two variants of the same key (matfecher, mafechner → matfechner) are not suggested for each other.
  const targets = new Map<string, Set<string>>();
  for (const x of found.values()) {
    const t = targets.get(x.a);
    if (t) t.add(x.b);
    else targets.set(x.a, new Set([x.b]));
  }
  const siblings = (x: AliasSuggestion) => {
    const ta = targets.get(x.a);
    const tb = targets.get(x.b);
    if (!ta || !tb) return false;
    for (const c of tb) if (c !== x.a && ta.has(c)) return true;
    return false;
  };
  return [...found.values()].filter((x) => !siblings(x)).sort(
    (x, y) => Math.max(y.aCount, y.bCount) - Math.max(x.aCount, x.bCount) || (x.a < y.a ? -1 : x.a > y.a ? 1 : 0),
  );
}

/** The alias-file fragment that would accept the suggestions: `{ "people": { b: { "aliases": [a, …] } } }`. */
export function aliasFileSnippet(suggestions: readonly AliasSuggestion[]): { people: Record<string, { aliases: string[] }> } {
  const people: Record<string, { aliases: string[] }> = {};
  for (const s of suggestions) (people[s.b] ??= { aliases: [] }).aliases.push(s.a);
  return { people };
}
