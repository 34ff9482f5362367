/**
 * The people alias file (`aliases.json` next to the minutes, or MINUTES_ALIASES):
 *
 * ```json
 * {
 *   "people": {
 *     "matfechner": { "name": "Matthias Fechner", "aliases": ["matfecher", "mafechner", "Matthias Fechner"] },
 *     "garloff":    { "name": "Kurt Garloff", "aliases": ["Kurt Garloff"] },
 *     "juanptm":    "Juan Pablo"
 *   },
 *   "distinct": [["jonas", "jonas-x"]]
 * }
 * ```
 *
 * - Each key of `people` is a canonical person key; its value is an object
 *   with an optional display `name` and optional `aliases` (handles with or
 *   without `@`, or plain names), or just the display name as a string.
 * - All keys and aliases are compared after `personKey` (lower-case,
 *   `@`, `_` and `\` removed), so case variants never need listing.
 * - `distinct` (optional) lists pairs that are different people: the build
 *   report then stops suggesting them as aliases.
 * - An alias may point at a key that is itself an alias: chains are followed.
 * - Abbreviations are aliases too: `"qalbers": { "aliases": ["QA"] }` makes an
 *   attendance entry `QA` (or an action item `QA to …`) that person.
 *
 * An abbreviation list (`abbreviations.txt` or `delegates.txt` next to the
 * minutes, or MINUTES_ABBREVIATIONS) holds one `Name (ABBR)` per line, e.g.
 * `Jane Doe (JD)`; blank lines and `#` comments are skipped. Each makes `JD`
 * an alias of the name `Jane Doe`, which in turn is the person with the
 * handle written next to that name in the minutes (`Jane Doe (@jdoe)`).
 * Entries of the alias file win over the list.
 */
import { personKey } from '../person-key.ts';

export interface AliasTable {
  /** Normalised variant → canonical key (variants only; canonical keys map to themselves implicitly). */
  readonly canonical: ReadonlyMap<string, string>;
  /** Canonical key → display name from the file. */
  readonly names: ReadonlyMap<string, string>;
  /** Pairs declared different people, as `a\u0000b` with a < b. */
  readonly distinct: ReadonlySet<string>;
}

export const EMPTY_ALIASES: AliasTable = { canonical: new Map(), names: new Map(), distinct: new Set() };

/** Key of an unordered pair of person keys. */
export function pairKey(a: string, b: string): string {
  return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Validate an alias file (already parsed JSON; undefined when there is none). Never throws. */
export function parseAliases(raw: unknown): { aliases: AliasTable; problems: string[] } {
  const problems: string[] = [];
  if (raw === undefined || raw === null) return { aliases: EMPTY_ALIASES, problems };
  if (!isObject(raw)) return { aliases: EMPTY_ALIASES, problems: ['aliases: must be a JSON object with a "people" object'] };

  const direct = new Map<string, string>(); // variant → canonical as written
  const names = new Map<string, string>();
  const distinct = new Set<string>();
  const people = raw['people'];
  if (people !== undefined && !isObject(people)) problems.push('aliases: "people" must be an object');
  for (const key of Object.keys(raw)) if (key !== 'people' && key !== 'distinct' && key !== '$schema') problems.push(`aliases: unknown key "${key}" ignored`);

  if (isObject(people)) {
    for (const [rawKey, value] of Object.entries(people)) {
      const key = personKey(rawKey);
      if (key === '') {
        problems.push(`aliases: empty person key "${rawKey}" ignored`);
        continue;
      }
      let name: unknown;
      let list: unknown;
      if (typeof value === 'string') name = value;
      else if (Array.isArray(value)) list = value;
      else if (isObject(value)) {
        name = value['name'];
        list = value['aliases'];
        for (const k of Object.keys(value)) if (k !== 'name' && k !== 'aliases') problems.push(`aliases: "${rawKey}": unknown field "${k}" ignored`);
      } else {
        problems.push(`aliases: "${rawKey}": must be an object { "name", "aliases" }`);
        continue;
      }
      if (typeof name === 'string' && name.trim() !== '') {
        if (names.has(key) && names.get(key) !== name.trim()) problems.push(`aliases: "${rawKey}" is listed twice with different names`);
        names.set(key, name.trim());
      } else if (name !== undefined) problems.push(`aliases: "${rawKey}": "name" must be a non-empty string`);
      if (list === undefined) continue;
      if (!Array.isArray(list) || !list.every((a) => typeof a === 'string')) {
        problems.push(`aliases: "${rawKey}": "aliases" must be an array of strings`);
        continue;
      }
      for (const a of list as string[]) {
        const variant = personKey(a);
        if (variant === '' || variant === key) continue;
        const before = direct.get(variant);
        if (before !== undefined && before !== key) {
          problems.push(`aliases: "${a}" is an alias of both "${before}" and "${key}"; keeping "${before}"`);
          continue;
        }
        direct.set(variant, key);
      }
    }
  }

  // Follow chains (a → b → c) so every variant maps straight to its final key.
  const canonical = new Map<string, string>();
  for (const variant of direct.keys()) {
    const seen = new Set([variant]);
    let target = direct.get(variant)!;
    while (direct.has(target) && !seen.has(target)) {
      seen.add(target);
      target = direct.get(target)!;
    }
    if (seen.has(target)) {
      problems.push(`aliases: "${variant}" is part of an alias cycle; ignored`);
      continue;
    }
    canonical.set(variant, target);
  }
  // A display name given on a key that is itself an alias moves to the final key (unless that has one).
  for (const [key, name] of [...names]) {
    const target = canonical.get(key);
    if (target === undefined) continue;
    names.delete(key);
    if (!names.has(target)) names.set(target, name);
  }

  const d = raw['distinct'];
  if (d !== undefined) {
    if (!Array.isArray(d)) problems.push('aliases: "distinct" must be an array of [key, key] pairs');
    else
      for (const pair of d) {
        if (Array.isArray(pair) && pair.length === 2 && pair.every((x) => typeof x === 'string')) {
          distinct.add(pairKey(personKey(pair[0] as string), personKey(pair[1] as string)));
        } else problems.push(`aliases: "distinct": ${JSON.stringify(pair)} is not a [key, key] pair`);
      }
  }
  return { aliases: { canonical, names, distinct }, problems };
}

/** Canonical key of a person key or variant (normalised; unknown keys map to themselves). */
export function resolvePerson(table: AliasTable, key: string): string {
  const k = personKey(key);
  return table.canonical.get(k) ?? k;
}

/** `Name (ABBR)` lines of an abbreviation list: [abbreviation, name] pairs, and a problem per line that is neither. */
export function parseAbbreviationList(text: string): { entries: [string, string][]; problems: string[] } {
  const entries: [string, string][] = [];
  const problems: string[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.replace(/^[\s*\-+]+/, '').trim();
    if (line === '' || line.startsWith('#')) return;
    const named = /^(.+?)\s*\(\s*([\p{L}\p{N}.-]{1,12})\s*\)$/u.exec(line);
    const labelled = /^([\p{Lu}\p{N}.-]{1,12})\s*[:=]\s*(.+)$/u.exec(line);
    if (named) entries.push([named[2]!, named[1]!.trim()]);
    else if (labelled) entries.push([labelled[1]!, labelled[2]!.trim()]);
    else problems.push(`abbreviations: line ${i + 1}: "${line}" is not "Name (ABBR)"; ignored`);
  });
  return { entries, problems };
}

/** The alias table with abbreviations added (abbreviation → the name's key); aliases already in the table win. */
export function withAbbreviations(table: AliasTable, entries: readonly [string, string][]): AliasTable {
  if (entries.length === 0) return table;
  const canonical = new Map(table.canonical);
  for (const [abbr, name] of entries) {
    const variant = personKey(abbr);
    const target = resolvePerson(table, name);
    if (variant === '' || target === '' || variant === target || canonical.has(variant)) continue;
    canonical.set(variant, target);
  }
  return { ...table, canonical };
}
