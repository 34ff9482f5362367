import matter from 'gray-matter';
import type { ParseWarning } from './types.ts';

export interface FrontmatterResult {
  data: Record<string, unknown>;
  /** The text with the frontmatter block (delimiters included) replaced by blank lines. */
  body: string;
  /** 1-based lines of the opening and closing delimiter, when a block was found. */
  range?: { start: number; end: number };
  warnings: ParseWarning[];
}

const OPEN = /^---\s*$/;
const CLOSE = /^(?:---|\.\.\.)\s*$/;
/** A block that starts like YAML (`key: value`) is frontmatter even when it fails to parse. */
const YAML_LIKE = /^[\w.-]+\s*:(?:\s|$)/;

/** Dates from YAML become `YYYY-MM-DD` strings so the model stays plain JSON. */
function plain(value: unknown): unknown {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? String(value) : value.toISOString().slice(0, 10);
  if (Array.isArray(value)) return value.map(plain);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, plain(v)]));
  }
  return value;
}

function blankLines(lines: string[], from: number, to: number): string {
  const copy = lines.slice();
  for (let i = from; i <= to; i++) copy[i] = '';
  return copy.join('\n');
}

/**
 * Find YAML frontmatter: a `---` line that is the first non-blank line (blank
 * lines before it are allowed, HedgeDoc keeps them) and a closing `---`/`...`.
 * Expects LF line ends. Never throws: invalid YAML gives a warning with its
 * line, and the block is blanked so the body still parses.
 */
export function splitFrontmatter(text: string): FrontmatterResult {
  const lines = text.split('\n');
  let open = 0;
  while (open < lines.length && lines[open]!.trim() === '') open++;
  if (open >= lines.length || !OPEN.test(lines[open]!)) return { data: {}, body: text, warnings: [] };
  let close = open + 1;
  while (close < lines.length && !CLOSE.test(lines[close]!)) close++;
  if (close >= lines.length) return { data: {}, body: text, warnings: [] };

  const yaml = lines.slice(open + 1, close);
  const firstContent = yaml.find((l) => l.trim() !== '' && !l.trimStart().startsWith('#'));
  // An empty block is an empty frontmatter; a block of `# …` lines is a slide, not YAML comments.
  const looksLikeYaml = firstContent === undefined ? yaml.every((l) => l.trim() === '') : YAML_LIKE.test(firstContent.trim());
  const range = { start: open + 1, end: close + 1 };
  try {
    // Passing options disables gray-matter's shared cache (its cached objects are mutable).
    const parsed = matter(['---', ...yaml, '---', ''].join('\n'), {});
    const data = parsed.data as unknown;
    if (data && typeof data === 'object' && !Array.isArray(data) && (looksLikeYaml || Object.keys(data).length > 0)) {
      return { data: plain(data) as Record<string, unknown>, body: blankLines(lines, open, close), range, warnings: [] };
    }
    // A scalar "frontmatter" is really a slide separator followed by text: keep it as body.
    if (!looksLikeYaml) return { data: {}, body: text, warnings: [] };
    return {
      data: {},
      body: blankLines(lines, open, close),
      range,
      warnings: [{ line: range.start, message: 'frontmatter is not a YAML mapping; ignored' }],
    };
  } catch (e) {
    if (!looksLikeYaml) return { data: {}, body: text, warnings: [] };
    const err = e as { mark?: { line?: number }; reason?: string; message?: string };
    const rel = typeof err.mark?.line === 'number' ? err.mark.line : 1;
    const line = Math.min(Math.max(range.start + rel, range.start + 1), range.end - 1);
    const reason = err.reason ?? String(err.message ?? e).split('\n')[0];
    return {
      data: {},
      body: blankLines(lines, open, close),
      range,
      warnings: [{ line, message: `invalid YAML frontmatter (${reason}); frontmatter ignored` }],
    };
  }
}
