import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { validateAliasFile, type ValidatedAliasFile } from './lib/alias-file.ts';
import { resolveConfig } from './lib/config.ts';
import type { ArchiveConfig } from './lib/minutes/types.ts';

/**
 * Everything the build reads from the environment and from files next to the
 * minutes, resolved in one place. The pure code gets these values passed in.
 *
 * - MINUTES_DIR: the minutes folder (`<series>/<file>.md`), default `content/minutes`.
 * - MINUTES_CONFIG: site config file, default `<MINUTES_DIR>/archive.config.json` (optional).
 * - MINUTES_ALIASES: people alias file, default `<MINUTES_DIR>/aliases.json` (optional).
 * - MINUTES_ABBREVIATIONS: abbreviation list (`Name (ABBR)` lines), default
 *   `<MINUTES_DIR>/abbreviations.txt`, else `<MINUTES_DIR>/delegates.txt` (optional).
 * - MINUTES_STRICT=1 or `--strict`: fail the build when there are warnings.
 * - MINUTES_TEST_RENDER_FAULT=<series/file.md>: tests only; the renderer fails on that file (src/loaders/minutes.ts).
 */
export interface Settings {
  minutesDir: string;
  /** Absolute paths of the config and alias files (they need not exist). */
  configPath: string;
  aliasesPath: string;
  config: ArchiveConfig;
  /** The valid part of the alias file (lib/alias-file.ts); undefined when there is none. */
  aliases: ValidatedAliasFile['data'];
  /** The abbreviation list: its path and text, when there is one. */
  abbreviationsPath?: string;
  abbreviationsRaw?: string;
  /** Problems with the config or alias files (absolute file, message with the JSON path); build warnings on those files. */
  problems: SettingsProblem[];
  strict: boolean;
  /** Test hook: the source path of a file the renderer is made to fail on. */
  renderFault?: string;
}

export interface SettingsProblem {
  file: string;
  message: string;
}

function readJson(file: string, problems: SettingsProblem[]): unknown {
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    problems.push({ file, message: `invalid JSON (${(e as Error).message}); the file is ignored` });
    return undefined;
  }
}

/** `seriesNames.iaas: must be a string`, or the message alone for the whole file. */
const withPath = (file: string) => (p: { path: string; message: string }): SettingsProblem => ({ file, message: p.path ? `${p.path}: ${p.message}` : p.message });

/** Abbreviation lists looked for next to the minutes, in this order. */
export const ABBREVIATION_FILES = ['abbreviations.txt', 'delegates.txt'];

let cached: Settings | undefined;

export function loadSettings(env: NodeJS.ProcessEnv = process.env, argv: string[] = process.argv): Settings {
  if (cached && env === process.env) return cached;
  const minutesDir = path.resolve(env['MINUTES_DIR'] || 'content/minutes');
  const problems: SettingsProblem[] = [];
  const configFile = env['MINUTES_CONFIG'] ? path.resolve(env['MINUTES_CONFIG']) : path.join(minutesDir, 'archive.config.json');
  const aliasFile = env['MINUTES_ALIASES'] ? path.resolve(env['MINUTES_ALIASES']) : path.join(minutesDir, 'aliases.json');
  const { config, problems: configProblems } = resolveConfig(readJson(configFile, problems));
  problems.push(...configProblems.map(withPath(configFile)));
  const aliases = validateAliasFile(readJson(aliasFile, problems));
  problems.push(...aliases.problems.map(withPath(aliasFile)));
  const abbreviationFile = env['MINUTES_ABBREVIATIONS']
    ? path.resolve(env['MINUTES_ABBREVIATIONS'])
    : ABBREVIATION_FILES.map((f) => path.join(minutesDir, f)).find((f) => existsSync(f));
  const abbreviationsRaw = abbreviationFile && existsSync(abbreviationFile) ? readFileSync(abbreviationFile, 'utf8') : undefined;
  const settings: Settings = {
    minutesDir,
    configPath: configFile,
    aliasesPath: aliasFile,
    config,
    aliases: aliases.data,
    ...(abbreviationFile && abbreviationsRaw !== undefined ? { abbreviationsPath: abbreviationFile, abbreviationsRaw } : {}),
    problems,
    strict: argv.includes('--strict') || ['1', 'true', 'yes'].includes((env['MINUTES_STRICT'] ?? '').toLowerCase()),
    ...(env['MINUTES_TEST_RENDER_FAULT'] ? { renderFault: env['MINUTES_TEST_RENDER_FAULT'] } : {}),
  };
  if (env === process.env) cached = settings;
  return settings;
}
