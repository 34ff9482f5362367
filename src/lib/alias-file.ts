import { z } from 'astro/zod';
import { formatPath, problemsOf, type FileProblem } from './config.ts';

/**
 * The shape of aliases.json (see lib/indexes/aliases.ts for its meaning),
 * checked entry by entry: a malformed person or pair is left out with a
 * problem naming its path, the rest of the file still applies. What the
 * entries mean together (chains, cycles, one alias on two people) is
 * checked by parseAliases on what passes here.
 */
const personEntrySchema = z.union([
  z.string(),
  z.array(z.string()),
  z.object({
    name: z.string().trim().min(1, 'must be a non-empty string').optional(),
    aliases: z.array(z.string()).optional(),
  }),
]);

const PERSON_FIELDS = new Set(['name', 'aliases']);

const aliasFileSchema = z.strictObject({
  $schema: z.string().optional(),
  people: z.record(z.string(), z.unknown()).optional(),
  distinct: z.array(z.unknown()).optional(),
});

const pairSchema = z.tuple([z.string(), z.string()]);

export interface ValidatedAliasFile {
  /** The valid part of the file (undefined when there is no file or nothing usable). */
  data: { people: Record<string, unknown>; distinct: [string, string][] } | undefined;
  problems: FileProblem[];
}

export function validateAliasFile(raw: unknown): ValidatedAliasFile {
  if (raw === undefined || raw === null) return { data: undefined, problems: [] };
  const top = aliasFileSchema.safeParse(raw);
  const problems: FileProblem[] = [];
  let file: z.infer<typeof aliasFileSchema>;
  if (top.success) file = top.data;
  else {
    problems.push(...problemsOf(top.error));
    // Keep going with the parts that have the right shape.
    const loose = z.record(z.string(), z.unknown()).safeParse(raw);
    if (!loose.success) return { data: undefined, problems };
    const people = z.record(z.string(), z.unknown()).safeParse(loose.data['people']);
    const distinct = z.array(z.unknown()).safeParse(loose.data['distinct']);
    file = { ...(people.success ? { people: people.data } : {}), ...(distinct.success ? { distinct: distinct.data } : {}) };
  }
  const people: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(file.people ?? {})) {
    const entry = personEntrySchema.safeParse(value);
    if (entry.success) people[key] = entry.data;
    else problems.push(...entryProblems(entry.error, ['people', key]));
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      for (const field of Object.keys(value)) {
        if (!PERSON_FIELDS.has(field)) problems.push({ path: formatPath(['people', key, field]), message: 'unknown field, ignored (a person has "name" and "aliases")' });
      }
    }
  }
  const distinct: [string, string][] = [];
  (file.distinct ?? []).forEach((value, i) => {
    const pair = pairSchema.safeParse(value);
    if (pair.success) distinct.push(pair.data);
    else problems.push({ path: `distinct[${i}]`, message: 'must be a [key, key] pair of strings' });
  });
  return { data: { people, distinct }, problems };
}

/** A person entry fits none of its three forms: say what the object form needs, or the one thing wrong with it. */
function entryProblems(error: z.ZodError, prefix: string[]): FileProblem[] {
  const union = error.issues[0];
  if (union?.code === 'invalid_union') {
    const objectIssues = union.errors.find((issues) => issues.some((i) => i.path.length > 0));
    if (objectIssues) return problemsOf(new z.ZodError(objectIssues), prefix);
    return [{ path: formatPath(prefix), message: 'must be a name, a list of aliases, or { "name", "aliases" }' }];
  }
  return problemsOf(error, prefix);
}
