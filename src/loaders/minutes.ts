import type { Loader, LoaderContext } from 'astro/loaders';
import { parseMinutes } from '../lib/minutes/parse.ts';
import { issueRefFromUrl } from '../lib/github.ts';
import type { Meeting, MeetingCopy, ParseWarning } from '../lib/minutes/types.ts';
import { SKIP_REASONS, type ReportEntry } from '../lib/report.ts';
import { createPaths } from '../lib/paths.ts';
import { renderMarkdownFragment, renderMinutes, type RenderOptions } from '../lib/markdown/render.ts';
import { excludedBy, takeInventory, type MinutesFile } from './inventory.ts';
import path from 'node:path';
import { parseAbbreviationList, parseAliases } from '../lib/indexes/aliases.ts';
import { ABBREVIATION_FILES, loadSettings, type Settings } from '../settings.ts';
import { seriesOfInventory, settleMeetings } from './catalogue.ts';
import { createLinkResolvers, findAnchor, type AnchorLookup } from './links.ts';
import { mentionDiscussions } from '../lib/mention-discussion.ts';
import { hasRendered, pruneRendered, renderedFilesDir, writeRendered } from './rendered-files.ts';

/** What the collection stores per file found: the report line, and the meeting for pages. */
export interface SourceRecord extends Record<string, unknown> {
  report: ReportEntry;
  meeting?: Meeting;
  /** A dated byte-identical copy of a meeting's file: its URLs lead to that meeting. */
  copy?: MeetingCopy;
  /** The file holding what the renderer made of the meeting: HTML, issue excerpts, mention discussions (rendered-files.ts). */
  renderedFile?: string;
  /** Anchors the rendering looked up in other meetings: it is stale when one of them now resolves differently. */
  anchorLookups?: AnchorLookup[];
  /** Digest of the file and the settings; the entry's own digest also covers the anchor lookups (what the page shows). */
  sourceDigest?: string;
}

/** Bump when the parser or renderer changes output, so cached entries are re-parsed. */
const PIPELINE_VERSION = '6';

/** Decode as UTF-8; invalid bytes become U+FFFD and a warning with the first bad line. */
export function decodeMinutes(bytes: Buffer): { text: string; warnings: ParseWarning[] } {
  const text = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false }).decode(bytes);
  const bad = text.indexOf('\uFFFD');
  if (bad === -1) return { text, warnings: [] };
  const line = text.slice(0, bad).split('\n').length;
  return { text, warnings: [{ line, message: 'invalid UTF-8: undecodable bytes were replaced by �' }] };
}

/**
 * The one loader: walks MINUTES_DIR, parses each Markdown file once into a
 * Meeting, renders it, and stores one entry per file found (pages, skipped
 * files and duplicates alike) so the build report accounts for every file.
 * Unchanged files (same bytes, same file set, same settings) keep their
 * stored entry and are not parsed again.
 */
export function minutesLoader(): Loader {
  return {
    name: 'minutes-loader',
    load: async (context) => {
      await loadAll(context);
      // Dev server: reload when a minutes file changes (unchanged files keep their cached entries).
      const { watcher, logger } = context;
      if (!watcher) return;
      const root = loadSettings().minutesDir;
      watcher.add(root);
      let pending: Promise<void> | undefined;
      const onChange = (file: string) => {
        if (!file.startsWith(root) || pending) return;
        pending = loadAll(context)
          .catch((e: unknown) => logger.error(`reloading the minutes failed: ${(e as Error).message}`))
          .finally(() => (pending = undefined));
      };
      for (const event of ['add', 'change', 'unlink'] as const) watcher.on(event, onChange);
    },
  };
}

/** One full pass: inventory, parse what changed, render, store, drop entries of files that are gone. */
async function loadAll({ store, logger, generateDigest, config: astroConfig }: LoaderContext): Promise<void> {
  const settings = loadSettings();
  const { minutesDir, config } = settings;
  const paths = createPaths(astroConfig.base);
  const known = new Map<string, string>([
    ['archive.config.json', SKIP_REASONS.config],
    ['aliases.json', SKIP_REASONS.aliases],
    ...ABBREVIATION_FILES.map((f): [string, string] => [f, SKIP_REASONS.abbreviations]),
  ]);
  const inventory = takeInventory(minutesDir, excludedBy(config.exclude), known);
  const sources = inventory.minutes.map((f) => f.source);
  const contextDigest = generateDigest(
    JSON.stringify({ PIPELINE_VERSION, config, base: astroConfig.base, sources, images: inventory.images }),
  );

  const renderedDir = renderedFilesDir(astroConfig.cacheDir);
  const keep = new Set<string>();
  const keepRendered = new Set<string>();
  const put = (id: string, data: SourceRecord, digest: string) => {
    keep.add(id);
    if (data.renderedFile) keepRendered.add(data.renderedFile);
    store.set({ id, data, digest });
  };

  // Pass 1: parse changed files; reuse stored meetings for unchanged ones (their ids feed link resolution).
  const seriesOf = seriesOfInventory(inventory, minutesDir);
  const parsed = new Map<string, { file: MinutesFile; digest: string; result: ReturnType<typeof parseMinutes>; decodeWarnings: ParseWarning[] }>();
  const reused = new Map<string, { file: MinutesFile; digest: string; data: SourceRecord & { meeting: Meeting } }>();
  for (const file of inventory.minutes) {
    const digest = generateDigest(`${contextDigest}:${file.hash}`);
    const stored = store.get<SourceRecord>(file.source);
    if (stored && stored.data.sourceDigest === digest && stored.data.meeting && hasRendered(stored.data.renderedFile)) {
      reused.set(file.source, { file, digest, data: stored.data as SourceRecord & { meeting: Meeting } });
      continue;
    }
    const { text, warnings: decodeWarnings } = decodeMinutes(file.bytes);
    const result = parseMinutes({ source: file.source, text, config, series: seriesOf.get(file.source) ?? '' });
    parsed.set(file.source, { file, digest, result, decodeWarnings });
  }
  // Which files are meetings (undated documents are not), copies, and unique ids (see catalogue.ts).
  const settled = settleMeetings(
    [...reused.values()].map((r) => ({ source: r.file.source, meeting: r.data.meeting })),
    [...parsed.values()].map((p) => ({ source: p.file.source, meeting: p.result.meeting })),
    inventory.copies,
    seriesOf,
  );
  const pageSources = new Set([...settled.kept, ...settled.fresh].map((c) => c.source));
  for (const source of [...parsed.keys()]) if (!pageSources.has(source)) parsed.delete(source);
  for (const source of [...reused.keys()]) if (!pageSources.has(source)) reused.delete(source);
  const takenIds = new Map<string, string>();
  const anchorsById = new Map<string, Set<string>>();
  for (const { source, meeting } of [...settled.kept, ...settled.fresh]) {
    takenIds.set(meeting.id, source);
    anchorsById.set(meeting.id, new Set(meeting.headings.map((h) => h.anchor)));
  }

  // Pass 2: render with links resolved against the whole file set.
  const idBySource = new Map([...takenIds].map(([id, source]) => [source, id]));
  const lookups = new Map<string, AnchorLookup[]>();
  const resolvers = createLinkResolvers({
    paths,
    idBySource,
    images: new Set(inventory.images),
    anchorsById,
    onAnchorLookup: (from, lookup) => {
      const list = lookups.get(from);
      if (list) list.push(lookup);
      else lookups.set(from, [lookup]);
    },
  });
  const render = (file: MinutesFile, digest: string, meeting: Meeting, tree: ReturnType<typeof parseMinutes>['tree']) => {
    const options: RenderOptions = {
      resolveAsset: (url) => resolvers.asset(file.source, url),
      resolveMinutesLink: (url) => resolvers.minutes(file.source, url),
      issuePageUrl: (url) => {
        const ref = issueRefFromUrl(url);
        return ref ? paths.issue(ref.key) : undefined;
      },
    };
    if (settings.renderFault === file.source) injectRenderFault(options);
    const rendered = renderMinutes(tree, options);
    for (const p of rendered.problems) meeting.warnings.push({ ...(p.line ? { line: p.line } : {}), message: `could not render: ${p.message}` });
    const issueExcerptsHtml = meeting.issues.map((issue) => {
      const excerpt = renderMarkdownFragment(issue.excerpt, options);
      for (const p of excerpt.problems) meeting.warnings.push({ line: issue.line, message: `could not render the excerpt of ${issue.key}: ${p.message}` });
      return excerpt.html;
    });
    const report: ReportEntry = { source: file.source, status: 'page', id: meeting.id, warnings: meeting.warnings };
    const anchorLookups = lookups.get(file.source) ?? [];
    // The entry's digest changes with the lookups, so a rendering again is stored (the store ignores a set()
    // with an unchanged digest) and the page's cache key (lib/page-keys.ts) changes.
    const entryDigest = anchorLookups.length ? generateDigest(`${digest}:${JSON.stringify(anchorLookups)}`) : digest;
    // Named per file and rendering: relative links make the same bytes render differently in another folder.
    const renderedFile = writeRendered(renderedDir, generateDigest(`${file.source}:${entryDigest}`), {
      html: rendered.html,
      issueExcerptsHtml,
      issueDiscussions: mentionDiscussions(meeting.issues, meeting.headings, rendered.html, paths.meeting(meeting.id)),
    });
    put(file.source, { report, meeting, renderedFile, anchorLookups, sourceDigest: digest }, entryDigest);
  };
  for (const { file, digest, result, decodeWarnings } of parsed.values()) {
    result.meeting.warnings.unshift(...decodeWarnings);
    render(file, digest, result.meeting, result.tree);
  }
  // An unchanged file whose links into other meetings would now resolve differently (a heading it links to
  // was added, renamed or removed there) is rendered again; its parsed meeting stays as stored.
  let relinked = 0;
  for (const { file, digest, data } of reused.values()) {
    const stale = (data.anchorLookups ?? []).some(([id, wanted, found]) => findAnchor(anchorsById.get(id), wanted) !== found);
    if (!stale) {
      keep.add(file.source);
      keepRendered.add(data.renderedFile!);
      continue;
    }
    relinked++;
    const { tree } = parseMinutes({ source: file.source, text: decodeMinutes(file.bytes).text, config, series: data.meeting.series });
    render(file, digest, data.meeting, tree);
  }
  for (const source of inventory.images) {
    inventory.others.push({ source, status: 'skipped', reason: SKIP_REASONS.image, warnings: [] });
  }
  reportSettingsProblems(settings, inventory.others);
  for (const entry of [...inventory.others, ...settled.notMinutes]) put(entry.source, { report: entry }, generateDigest(JSON.stringify(entry)));
  for (const { copy, report } of settled.copies) {
    put(report.source, { report, ...(copy ? { copy } : {}) }, generateDigest(JSON.stringify([report, copy])));
  }
  for (const id of store.keys()) if (!keep.has(id)) store.delete(id);
  pruneRendered(renderedDir, keepRendered);

  const unchanged = reused.size - relinked;
  logger.info(
    `${pageSources.size} meetings (${parsed.size} parsed, ${relinked ? `${relinked} rendered again for their links, ` : ''}${unchanged} unchanged), ${settled.notMinutes.length} not minutes, ${settled.copies.length} copies, ${inventory.others.length} other files`,
  );
}

/**
 * Test hook (MINUTES_TEST_RENDER_FAULT=<source>, see settings.ts): the link
 * resolvers of that one file throw, as a renderer bug would, so the build
 * tests can check that a render failure is reported and fails `--strict`.
 * Nothing in a minutes file can reach it.
 */
function injectRenderFault(options: RenderOptions): void {
  const fault = (): never => {
    throw new Error('injected render fault (MINUTES_TEST_RENDER_FAULT)');
  };
  options.resolveAsset = fault;
  options.resolveMinutesLink = fault;
}

/**
 * Problems with the config and alias files (shape, from settings.ts; meaning,
 * from parseAliases) become warnings on those files' report entries, so they
 * are in the build report and fail `--strict`. A file outside MINUTES_DIR
 * (MINUTES_CONFIG, MINUTES_ALIASES) gets an entry of its own.
 */
function reportSettingsProblems(settings: Settings, others: ReportEntry[]): void {
  const aliasMeaning = parseAliases(settings.aliases).problems.map((message) => ({ file: settings.aliasesPath, message: message.replace(/^aliases: /, '') }));
  const abbreviationsFile = settings.abbreviationsPath ?? '';
  const abbreviationMeaning = parseAbbreviationList(settings.abbreviationsRaw ?? '').problems.map((message) => ({ file: abbreviationsFile, message: message.replace(/^abbreviations: /, '') }));
  for (const { file, message } of [...settings.problems, ...aliasMeaning, ...abbreviationMeaning]) {
    const source = path.relative(settings.minutesDir, file).split(path.sep).join('/');
    let entry = others.find((e) => e.source === source);
    if (!entry) {
      const reason = file === settings.configPath ? SKIP_REASONS.config : file === abbreviationsFile ? SKIP_REASONS.abbreviations : SKIP_REASONS.aliases;
      entry = { source, status: 'skipped', reason, warnings: [] };
      others.push(entry);
    }
    entry.warnings.push({ message });
  }
}
