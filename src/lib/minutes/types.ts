/**
 * The typed model of one minutes file. Produced once per file by
 * `parseMinutes` (src/lib/minutes/parse.ts); everything downstream (indexes,
 * pages, JSON API, search) reads only this model.
 */

/** A problem found in a file; `line` is 1-based in the original file. */
export interface ParseWarning {
  line?: number;
  message: string;
}

export interface Heading {
  depth: number;
  /** Plain text of the heading: markup, HTML tags and emoji shortcodes removed. */
  text: string;
  /** GitHub-compatible slug, unique within the file (`-1`, `-2` for repeats). */
  anchor: string;
  line: number;
}

export interface Participant {
  /** Canonical key: lower-case handle without `@`, or the lower-cased plain name. */
  key: string;
  /** How it was written (handle with its original case, or the name). */
  label: string;
  /** The person's name written with the handle (`Jane Doe (@jdoe)`), so bare `Jane Doe` elsewhere resolves to `jdoe`. */
  name?: string;
  /**
   * An abbreviation written with the entry (`JD: Jane Doe (@jdoe)`, `Jane Doe (JD)`),
   * or the entry itself when it is only an abbreviation (`JD`; then key is `jd`).
   */
  abbreviation?: string;
  /** The entry is an abbreviation alone, resolved to a person by the people index when it can. */
  abbreviationOnly?: boolean;
}

export interface ActionItem {
  /** Participant keys (same normalisation as participants). */
  assignees: string[];
  /** The item text without the marker (`AI @x:`), as Markdown source. */
  text: string;
  /** 1-based line in the source file. */
  line: number;
  /** Anchor of the section the item stands in ('' before the first heading). */
  anchor: string;
  /** Status from a sub-bullet (`- done: …`, `- open`), when present. */
  status?: string;
}

/** One place in a file that references a GitHub issue, PR or discussion. */
export interface IssueMention {
  /** `org/repo#N`, lower-case. */
  key: string;
  line: number;
  /** Anchor of the enclosing section ('' before the first heading). */
  anchor: string;
  /** Markdown source of the list item (its own line(s), no children) or paragraph that mentions it. */
  excerpt: string;
}

/** An @handle mentioned outside the participants list (topic owner, assignee, …). */
export interface PersonMention {
  key: string;
  line: number;
  anchor: string;
}

export interface Meeting {
  /** `<series>/<slug>`; unique across the archive. */
  id: string;
  /** Series id: the folder of dated minutes the file is in, date folders skipped (see lib/minutes/layout.ts). */
  series: string;
  /** `YYYY-MM-DD`, plus `-suffix` from the file name; for undated files the slugified file stem. */
  slug: string;
  /** `YYYY-MM-DD`, or null when no date was found anywhere. */
  date: string | null;
  title: string;
  /** Where the title comes from: frontmatter `title`, the first heading, or the series name and date (a fallback). */
  titleSource?: 'frontmatter' | 'heading' | 'series';
  /** Anchor of the first heading when the title is that heading's text: the page shows it once, as the title. */
  titleHeading?: string;
  /** Path relative to MINUTES_DIR, with `/` separators. */
  source: string;
  participants: Participant[];
  issues: IssueMention[];
  mentions: PersonMention[];
  actionItems: ActionItem[];
  headings: Heading[];
  /** HedgeDoc `type: slide` deck. */
  isSlides: boolean;
  frontmatter: Record<string, unknown>;
  warnings: ParseWarning[];
}

/**
 * A dated file that is a byte-identical copy of another meeting's file (a pad
 * reused for the next meeting): no page of its own, but its URLs (dated and
 * upstream file name) lead to the meeting it copies.
 */
export interface MeetingCopy {
  /** `<series>/<slug>`: the id the file would have as a meeting. */
  id: string;
  series: string;
  slug: string;
  /** The date its own path gives. */
  date: string;
  source: string;
  /** Id of the meeting whose file it copies. */
  copyOf: string;
  /** Title of that meeting. */
  title: string;
}

/** Site-level settings; every field optional in the file (see src/lib/config.ts). */
export interface ArchiveConfig {
  /** Site title shown in the header. */
  title: string;
  /** Base URL for "view source" links, e.g. https://github.com/org/minutes/blob/main */
  sourceUrl?: string;
  /** Display names per series folder, e.g. { "iaas": "IaaS" }. */
  seriesNames: Record<string, string>;
  /** Default GitHub repo per series (`org/repo`) for a bare `#N` that nothing else resolves. */
  defaultRepos: Record<string, string>;
  /** File names (or `series/file.md` paths) that are not minutes. */
  exclude: string[];
  /** Topics (src/lib/indexes/topics.ts): headings that are never topics, beside those found by frequency. */
  topics: { ignore: string[] };
}
