import { z } from 'astro/zod';
import type { ArchiveConfig } from './minutes/types.ts';

/** File names that are never minutes, whatever the config says. */
export const DEFAULT_EXCLUDES = ['README.md', 'template.md'];

export const DEFAULT_CONFIG: ArchiveConfig = {
  title: 'Minutes Archive',
  seriesNames: {},
  defaultRepos: {},
  exclude: DEFAULT_EXCLUDES,
  topics: { ignore: [] },
};

/** `org/repo` as `defaultRepos` values name a repository. */
const REPO_RE = /^[^/\s]+\/[^/\s]+$/;

/**
 * archive.config.json, field by field (every field optional; unknown keys
 * are ignored, so `$schema` and notes are fine). Each field is checked on its
 * own: a wrong one falls back to its default, the others still apply.
 */
export const configFileSchema = z.object({
  title: z.string(),
  sourceUrl: z.string(),
  seriesNames: z.record(z.string(), z.string()),
  defaultRepos: z.record(z.string(), z.string().regex(REPO_RE, 'must be "org/repo"')),
  exclude: z.array(z.string()),
  /** Headings that are never topics (src/lib/indexes/topics.ts), beside those found by frequency. */
  topics: z.object({ ignore: z.array(z.string()) }),
});

/** A problem in a JSON settings file: where (`seriesNames.iaas`, '' for the whole file) and what. */
export interface FileProblem {
  path: string;
  message: string;
}

/** `people.alice.aliases[2]` */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`)).join('');
}

/** Zod issues as problems, the path prefixed with the field they are in. */
export function problemsOf(error: z.ZodError, prefix: PropertyKey[] = []): FileProblem[] {
  return error.issues.map((issue) => ({ path: formatPath([...prefix, ...issue.path]), message: issue.message }));
}

/**
 * Merge a user config (already parsed JSON, possibly partial or malformed)
 * over the defaults. Unknown keys are ignored; a field of the wrong shape
 * falls back to its default and gives a problem naming its path.
 */
export function resolveConfig(raw: unknown): { config: ArchiveConfig; problems: FileProblem[] } {
  const config: ArchiveConfig = { ...DEFAULT_CONFIG, seriesNames: {}, defaultRepos: {}, exclude: [...DEFAULT_EXCLUDES], topics: { ignore: [] } };
  if (raw === undefined || raw === null) return { config, problems: [] };
  const whole = z.record(z.string(), z.unknown()).safeParse(raw);
  if (!whole.success) return { config, problems: [{ path: '', message: 'the config must be a JSON object' }] };
  const problems: FileProblem[] = [];
  const field = <K extends keyof typeof configFileSchema.shape>(key: K): z.infer<(typeof configFileSchema.shape)[K]> | undefined => {
    if (whole.data[key] === undefined) return undefined;
    const result = configFileSchema.shape[key].safeParse(whole.data[key]);
    if (result.success) return result.data as z.infer<(typeof configFileSchema.shape)[K]>;
    problems.push(...problemsOf(result.error, [key]));
    return undefined;
  };
  config.title = field('title') ?? config.title;
  const sourceUrl = field('sourceUrl');
  if (sourceUrl) config.sourceUrl = sourceUrl.replace(/\/+$/, '');
  config.seriesNames = field('seriesNames') ?? {};
  config.defaultRepos = Object.fromEntries(Object.entries(field('defaultRepos') ?? {}).map(([k, v]) => [k, v.toLowerCase()]));
  config.exclude = [...DEFAULT_EXCLUDES, ...(field('exclude') ?? [])];
  config.topics = { ignore: field('topics')?.ignore ?? [] };
  return { config, problems };
}

/**
 * Display name of a series: from the config, else the folder name split at
 * `-` and `_`, each word capitalised, with two kinds of words read as
 * abbreviations: short all-letter words (≤ 3 letters: `sig` → SIG, `api` →
 * API) and the "as a Service" family (`iaas` → IaaS, `paas` → PaaS).
 */
export function seriesName(config: ArchiveConfig, series: string): string {
  const named = config.seriesNames[series];
  if (named) return named;
  return series
    .split(/[-_]/)
    .map((w) => {
      if (/^[a-z]{1,3}$/i.test(w)) return w.toUpperCase();
      if (/^[a-z]aas$/i.test(w)) return `${w.charAt(0).toUpperCase()}aaS`;
      return w.charAt(0).toUpperCase() + w.slice(1);
    })
    .join(' ');
}
