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

/**
 * Merge a user config (already parsed JSON, possibly partial or malformed)
 * over the defaults. Unknown keys are ignored; wrong types fall back to the
 * default and produce a message.
 */
export function resolveConfig(raw: unknown): { config: ArchiveConfig; problems: string[] } {
  const problems: string[] = [];
  const config: ArchiveConfig = { ...DEFAULT_CONFIG, seriesNames: {}, defaultRepos: {}, exclude: [...DEFAULT_EXCLUDES], topics: { ignore: [] } };
  if (raw === undefined || raw === null) return { config, problems };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    return { config, problems: ['config must be a JSON object'] };
  }
  const r = raw as Record<string, unknown>;
  const str = (k: string) => {
    if (r[k] === undefined) return undefined;
    if (typeof r[k] === 'string') return r[k] as string;
    problems.push(`"${k}" must be a string`);
    return undefined;
  };
  const record = (k: string): Record<string, string> => {
    const v = r[k];
    if (v === undefined) return {};
    if (typeof v === 'object' && v && !Array.isArray(v) && Object.values(v).every((x) => typeof x === 'string')) {
      return v as Record<string, string>;
    }
    problems.push(`"${k}" must be an object of strings`);
    return {};
  };
  config.title = str('title') ?? config.title;
  const sourceUrl = str('sourceUrl');
  if (sourceUrl) config.sourceUrl = sourceUrl.replace(/\/+$/, '');
  config.seriesNames = record('seriesNames');
  config.defaultRepos = Object.fromEntries(Object.entries(record('defaultRepos')).map(([k, v]) => [k, v.toLowerCase()]));
  if (Array.isArray(r['exclude']) && r['exclude'].every((x) => typeof x === 'string')) {
    config.exclude = [...DEFAULT_EXCLUDES, ...(r['exclude'] as string[])];
  } else if (r['exclude'] !== undefined) {
    problems.push('"exclude" must be an array of strings');
  }
  const topics = r['topics'];
  if (topics !== undefined) {
    const ignore = typeof topics === 'object' && topics !== null && !Array.isArray(topics) ? (topics as Record<string, unknown>)['ignore'] : undefined;
    if (Array.isArray(ignore) && ignore.every((x) => typeof x === 'string')) config.topics = { ignore: ignore as string[] };
    else problems.push('"topics" must be an object { "ignore": [ "heading", … ] }');
  }
  return { config, problems };
}

/** Display name of a series: from the config, else the folder name with its words capitalised. */
export function seriesName(config: ArchiveConfig, series: string): string {
  const named = config.seriesNames[series];
  if (named) return named;
  return series
    .split(/[-_]/)
    .map((w) => (w.length <= 4 && /^(iaas|sig|ops|api|k8s)$/i.test(w) ? w.toUpperCase().replace('IAAS', 'IaaS') : w.charAt(0).toUpperCase() + w.slice(1)))
    .join(' ');
}
