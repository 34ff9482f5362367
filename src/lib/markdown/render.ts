/**
 * Minutes Markdown → safe HTML: the public API of this folder.
 *
 * Pipeline (one frozen unified processor, reused for every file; per-call
 * state in the vfile's data, see state.ts):
 *
 *   mdast (from the parser, or parsed here for fragments)
 *     → hedgedoc.ts        `:::info` / `:::spoiler` containers (marked by source.ts)
 *     → raw-html.ts        raw-HTML triage (placeholders like `<USER>` become text)
 *     → remark-emoji       `:rocket:` → 🚀 (node-emoji's names)
 *     → one walk (steps.ts):
 *         emoji.ts         gemoji names node-emoji lacks (`:family:`)
 *         hedgedoc.ts      sized images `=WxH`
 *         heading-ids.ts   trusted marks on headings
 *     → remark-rehype      (raw HTML kept as `raw` nodes)
 *     → raw-html.ts        rehype-raw (parse5), only when there is raw HTML
 *     → rehype-sanitize    sanitize-schema.ts (GitHub's, tightened)
 *     → one walk (steps.ts):                      } trusted, after sanitizing:
 *         hedgedoc.ts      callout classes        } from us or from the
 *         heading-ids.ts   ids, `#` links, weight } resolver callbacks only
 *     → links.ts           link/image rewriting   }
 *     → hast-util-to-html
 */
import type { Root as HastRoot } from 'hast';
import type { Root as MdastRoot, RootContent } from 'mdast';
import { toHtml } from 'hast-util-to-html';
import { toString as mdastToString } from 'mdast-util-to-string';
import rehypeSanitize from 'rehype-sanitize';
import remarkEmoji from 'remark-emoji';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { remarkHedgedocContainers } from './hedgedoc.ts';
import { rehypeLinks } from './links.ts';
import type { RenderOptions } from './options.ts';
import { parseMarkdown } from './parse.ts';
import { rehypeRawWhenNeeded, remarkRawHtmlTriage } from './raw-html.ts';
import { sanitizeSchema } from './sanitize-schema.ts';
import { normalizeSource } from './source.ts';
import { rehypeElementSteps, remarkNodeSteps } from './steps.ts';
import { newRenderState, type RenderMode } from './state.ts';

export type { RenderOptions } from './options.ts';

/** A part of a file that could not be rendered: the build reports it as a warning. */
export interface RenderProblem {
  /** 1-based line in the file of the block that failed, when the tree has positions. */
  line?: number;
  message: string;
}

export interface RenderResult {
  html: string;
  /** Empty when everything rendered; else the page shows what could be rendered plus a visible note per failed part. */
  problems: RenderProblem[];
}

/** Class of the visible note that stands in for a part that could not be rendered. */
export const RENDER_FAILED_CLASS = 'render-failed';

/**
 * Render an mdast tree produced by the parser (heading nodes carry
 * data.hProperties.id = anchor) to safe HTML. When the renderer fails on the
 * tree, each top-level block is rendered on its own, so one bad block costs
 * only itself: it is shown as plain text with a note, and reported.
 */
export function renderMinutes(tree: MdastRoot, options: RenderOptions): RenderResult {
  try {
    return { html: run(cloneTree(tree) as MdastRoot, options, 'minutes'), problems: [] };
  } catch (whole) {
    const blocks = Array.isArray(tree?.children) ? tree.children : [];
    const parts: string[] = [];
    const problems: RenderProblem[] = [];
    for (const block of blocks) {
      try {
        parts.push(run({ type: 'root', children: [cloneTree(block) as RootContent] }, options, 'minutes'));
      } catch (e) {
        const line = block.position?.start.line;
        problems.push({ ...(line ? { line } : {}), message: messageOf(e) });
        parts.push(failedPart(plainTextOf(block), line));
      }
    }
    // Every block renders on its own but not together: report the failure of the whole.
    if (problems.length === 0) problems.push({ message: messageOf(whole) });
    return { html: parts.join('\n'), problems };
  }
}

/** Render a small Markdown fragment (an excerpt) with the same pipeline, no heading anchors. */
export function renderMarkdownFragment(markdown: string, options: RenderOptions): RenderResult {
  const text = String(markdown ?? '');
  try {
    return { html: run(parseMarkdown(normalizeSource(text)), options, 'fragment'), problems: [] };
  } catch (e) {
    return { html: failedPart(text, undefined), problems: [{ message: messageOf(e) }] };
  }
}

const processor = unified()
  .use(remarkHedgedocContainers)
  .use(remarkRawHtmlTriage)
  .use(remarkEmoji)
  .use(remarkNodeSteps)
  // clobberPrefix '': the sanitizer adds `user-content-` to footnote ids once,
  // and links.ts points the `#fn-1` links at them.
  .use(remarkRehype, { allowDangerousHtml: true, clobberPrefix: '' })
  .use(rehypeRawWhenNeeded)
  .use(rehypeSanitize, sanitizeSchema)
  .use(rehypeElementSteps)
  .use(rehypeLinks)
  .freeze();

function run(tree: MdastRoot, options: RenderOptions, mode: RenderMode): string {
  const file = new VFile();
  file.data.render = newRenderState(mode, options);
  return toHtml(processor.runSync(tree, file) as HastRoot);
}

/** What stands in for a part that could not be rendered: a note, and the part's text as written. */
function failedPart(text: string, line: number | undefined): string {
  const where = line ? ` (line ${line})` : '';
  return (
    `<div class="${RENDER_FAILED_CLASS}" role="note"><p>This part of the minutes could not be rendered${where}; its text follows as plain text.</p>` +
    `<pre>${escapeHtml(text)}</pre></div>`
  );
}

function plainTextOf(node: unknown): string {
  try {
    return mdastToString(node as MdastRoot);
  } catch {
    return ''; // a node too broken to read: the note alone says that something is missing
  }
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/**
 * Copy of the caller's tree that the transforms may change (the parser's tree
 * stays as it was). Cheaper than structuredClone: positions are not needed
 * for rendering and values are shared (they are never mutated in place).
 */
function cloneTree(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(cloneTree);
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'position') continue;
    out[key] = key === 'children' ? cloneTree(value) : key === 'data' ? structuredClone(value) : value;
  }
  return out;
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
