import type { Root } from 'mdast';
import { parseMarkdown } from '../markdown/parse.ts';
import { normalizeSource } from '../markdown/source.ts';
import { seriesName } from '../config.ts';
import type { ArchiveConfig, Meeting, ParseWarning, Participant } from './types.ts';
import { dateFromFrontmatter, dateFromPath, dateFromProse, findDateTokens, slugifySuffix } from './dates.ts';
import { splitFrontmatter } from './frontmatter.ts';
import type { Doc, HeadingInfo } from './markdown.ts';
import { collectHeadings, sectionAnchors, toModelHeadings } from './headings.ts';
import { extractMentions, extractParticipants, isParticipantsHeading, participantsFromFrontmatter } from './participants.ts';
import { extractIssues } from './issues.ts';
import { extractActionItems } from './actions.ts';

export interface ParseInput {
  /** Path relative to MINUTES_DIR, `/` separators, e.g. `iaas/20230517.md`. */
  source: string;
  /** The whole file. */
  text: string;
  config: ArchiveConfig;
  /** Series id (lib/minutes/layout.ts `assignSeries`); default: the first folder. */
  series?: string;
}

export interface ParsedMinutes {
  meeting: Meeting;
  tree: Root;
}

/** How many headings from the top may carry the meeting's date (slide decks put it on the 3rd/4th). */
const DATE_HEADING_WINDOW = 6;

/** Words that make a heading a plain label, not a title. */
const GENERIC_TITLE = /^(?:(?:meeting|minutes|protocol|protokoll|notes|agenda|call|sync|session|weekly|of|the|for|and|on|am|vom|date|datum|participants?|attendees)\s*)+$/i;

/**
 * Parse one minutes file into the typed model plus its mdast tree (headings
 * carry their anchor as `data.hProperties.id`). Never throws: a failing step
 * becomes a warning and the meeting keeps what could be read.
 */
export function parseMinutes(input: ParseInput): ParsedMinutes {
  const { source, config } = input;
  const warnings: ParseWarning[] = [];
  const parts = source.split('/').filter(Boolean);
  const series = input.series ?? (parts.length > 1 ? parts[0]! : '');
  const stem = (parts[parts.length - 1] ?? source).replace(/\.(md|markdown)$/i, '');

  const meeting: Meeting = {
    id: '',
    series,
    slug: '',
    date: null,
    title: '',
    source,
    participants: [],
    issues: [],
    mentions: [],
    actionItems: [],
    headings: [],
    isSlides: false,
    frontmatter: {},
    warnings,
  };
  let tree: Root = { type: 'root', children: [] };
  if (input.text.trim() === '') warnings.push({ line: 1, message: 'empty file: the page has no minutes' });
  const step = <T>(what: string, fn: () => T, fallback: T): T => {
    try {
      return fn();
    } catch (e) {
      warnings.push({ message: `could not read ${what}: ${(e as Error)?.message ?? String(e)}` });
      return fallback;
    }
  };

  // BOM and CRLF / CR line ends: the line numbers stay those of the file.
  const text = (input.text ?? '').replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const fm = step('frontmatter', () => splitFrontmatter(text), { data: {}, body: text, warnings: [] });
  warnings.push(...fm.warnings);
  meeting.frontmatter = fm.data;
  meeting.isSlides = String(fm.data['type'] ?? '').toLowerCase() === 'slide';

  const body = step('source', () => normalizeSource(fm.body), fm.body);
  tree = step('markdown', () => parseMarkdown(body), tree);
  const lines = text.split('\n');
  const headings = step('headings', () => collectHeadings(tree), [] as HeadingInfo[]);
  meeting.headings = toModelHeadings(headings);
  const anchors = sectionAnchors(headings, lines.length);
  const doc: Doc = {
    source,
    series,
    config,
    lines,
    tree,
    headings,
    anchorAt: (line) => anchors[Math.min(Math.max(line, 0), anchors.length - 1)] ?? '',
    warnings,
  };

  // Date and slug.
  step('date', () => {
    const fromPath = dateFromPath(source);
    const fmDate = dateFromFrontmatter(fm.data['date']);
    if (fm.data['date'] !== undefined && !fmDate) {
      warnings.push({ ...(fm.range ? { line: fm.range.start } : {}), message: `frontmatter date "${String(fm.data['date'])}" is not a valid YYYY-MM-DD date; ignored` });
    }
    const inText = dateInText(doc, warnings);
    const date = fmDate ?? fromPath?.date ?? inText?.date ?? null;
    meeting.date = date;
    const suffix = fromPath?.suffix ?? '';
    meeting.slug = date ? [date, suffix].filter(Boolean).join('-') : slugifySuffix(stem) || 'untitled';
    if (!date) warnings.push({ message: 'no date found in the file name, folder, frontmatter or headings; the page is named after the file' });
    if (date && inText && inText.date !== date && !fmDate) {
      const by = fromPath ? 'the file name says' : 'the date used is';
      warnings.push({ line: inText.line, message: `heading says ${inText.date} but ${by} ${date}` });
    }
  }, undefined);
  if (!meeting.slug) meeting.slug = slugifySuffix(stem) || 'untitled';
  meeting.id = series ? `${series}/${meeting.slug}` : meeting.slug;

  // People, issues, action items.
  const people = step('participants', () => extractParticipants(doc), { participants: [] as Participant[], ranges: [] });
  const fmPeople = step('frontmatter participants', () => participantsFromFrontmatter(fm.data['participants']), undefined);
  meeting.participants = fmPeople ?? people.participants;
  if (!fmPeople && people.emptySectionLine) {
    warnings.push({ line: people.emptySectionLine, message: 'participants section is empty' });
  }
  meeting.mentions = step('mentions', () => extractMentions(doc, people.ranges), []);
  meeting.issues = step('issue references', () => extractIssues(doc), []);
  meeting.actionItems = step('action items', () => extractActionItems(doc, meeting.participants), []);
  meeting.title = step('title', () => titleOf(doc, meeting, fm.data, fromPathSuffix(source)), '');
  if (!meeting.title) {
    meeting.title = fallbackTitle(config, meeting);
    meeting.titleSource = 'series';
  }

  return { meeting, tree };
}

function fromPathSuffix(source: string): string {
  return dateFromPath(source)?.suffix ?? '';
}

/**
 * The date written in the file: the first ISO-dated heading among the first
 * few (slide decks put it on the title slide), a date written in prose in the
 * first heading (`June 4, 2019`, `17. Mai 2023`), or a plain dated first line
 * (`2022-10-10`), whichever comes first. Impossible dates are reported.
 */
function dateInText(doc: Doc, warnings: ParseWarning[]): { date: string; line: number } | undefined {
  let found: { date: string; line: number } | undefined;
  for (const [i, h] of doc.headings.slice(0, DATE_HEADING_WINDOW).entries()) {
    const tokens = findDateTokens(h.text);
    const valid = tokens.find((t) => t.date);
    if (valid) {
      found = { date: valid.date!, line: h.line };
      break;
    }
    const prose = i === 0 ? dateFromProse(h.text) : undefined;
    if (prose) {
      found = { date: prose.date, line: h.line };
      break;
    }
    const bad = tokens[0];
    if (bad) warnings.push({ line: h.line, message: `heading date ${bad.text} is not a valid date; ignored` });
  }
  const first = doc.tree.children[0];
  if (first && first.type !== 'heading') {
    const line = first.position?.start.line ?? 0;
    const m = /^\s*(\d{4}-\d{2}-\d{2})\b/.exec(doc.lines[line - 1] ?? '');
    const date = m ? findDateTokens(m[1]!)[0]?.date : undefined;
    if (date && (!found || line < found.line)) found = { date, line };
  }
  return found;
}

/** Title text from a heading: no date (ISO or written), no glued second heading, no separators left dangling. */
export function cleanTitle(text: string): string {
  const own = text.split(/\s+#{1,6}\s+/)[0]!;
  const prose = dateFromProse(own);
  const undated = prose ? own.slice(0, prose.index) + ' ' + own.slice(prose.index + prose.text.length) : own;
  return undated
    .replace(/(?<![\d-])\d{4}-\d{2}-\d{2}(?![\d])/g, ' ')
    .replace(/\(\s*\)/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[\s\-–—:|,/]+|[\s\-–—:|,/]+$/g, '')
    .trim();
}

function suffixLabel(suffix: string, title: string): string {
  const words = suffix.replace(/-/g, ' ');
  if (!suffix || title.toLowerCase().includes(words)) return '';
  return ` (${words})`;
}

/** Section names that open many files but say nothing about the meeting. */
const SECTION_NAME = /^(?:agenda|housekeeping|recurring items|welcome|intro(?:duction)?|meta)\b/i;

function fallbackTitle(config: ArchiveConfig, meeting: Meeting): string {
  const name = meeting.series ? seriesName(config, meeting.series) : 'Meeting';
  return `${name} ${meeting.date ?? meeting.slug}`.trim();
}

/**
 * Frontmatter `title` (slide decks: the same title on every deck, so the date
 * is appended), else the first heading without date and markup, else
 * "<Series name> <date>"; the file-name suffix is added as "(overflow)".
 */
function titleOf(doc: Doc, meeting: Meeting, fmData: Record<string, unknown>, suffix: string): string {
  const fmTitle = typeof fmData['title'] === 'string' ? cleanTitle(fmData['title']) : '';
  if (fmTitle) {
    const dated = meeting.date && !findDateTokens(String(fmData['title'])).length ? `${fmTitle} ${meeting.date}` : String(fmData['title']).trim();
    meeting.titleSource = 'frontmatter';
    return dated + suffixLabel(suffix, dated);
  }
  const first = doc.headings[0];
  let title = first ? cleanTitle(first.text) : '';
  const label = !title || GENERIC_TITLE.test(title) || SECTION_NAME.test(title) || isParticipantsHeading(title) || /^[\d\s\-:./]+$/.test(title);
  if (label) {
    title = fallbackTitle(doc.config, meeting);
    meeting.titleSource = 'series';
  } else {
    meeting.titleSource = 'heading';
    // The heading is the title (its date shown beside it): the page need not repeat it, unless
    // the heading says more than the title (a second heading glued onto the same line).
    if (first && !/\s#{1,6}\s/.test(first.text)) meeting.titleHeading = first.anchor;
  }
  return title + suffixLabel(suffix, title);
}
