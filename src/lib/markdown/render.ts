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
 *     → emoji.ts           gemoji names node-emoji lacks (`:family:`)
 *     → hedgedoc.ts        sized images `=WxH`
 *     → heading-ids.ts     trusted marks on headings
 *     → remark-rehype      (raw HTML kept as `raw` nodes)
 *     → raw-html.ts        rehype-raw (parse5), only when there is raw HTML
 *     → rehype-sanitize    sanitize-schema.ts (GitHub's, tightened)
 *     → hedgedoc.ts        callout classes        } trusted, after sanitizing:
 *     → heading-ids.ts     ids, `#` links, weight } from us or from the
 *     → links.ts           link/image rewriting   } resolver callbacks only
 *     → hast-util-to-html
 */
import type { Root as HastRoot } from 'hast';
import type { Root as MdastRoot } from 'mdast';
import { toHtml } from 'hast-util-to-html';
import { toString as mdastToString } from 'mdast-util-to-string';
import rehypeSanitize from 'rehype-sanitize';
import remarkEmoji from 'remark-emoji';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { remarkGemojiShortcodes } from './emoji.ts';
import { rehypeHeadingIds, remarkHeadingIds } from './heading-ids.ts';
import { rehypeCallouts, remarkHedgedocContainers, remarkSizedImages } from './hedgedoc.ts';
import { rehypeLinks } from './links.ts';
import type { RenderOptions } from './options.ts';
import { parseMarkdown } from './parse.ts';
import { rehypeRawWhenNeeded, remarkRawHtmlTriage } from './raw-html.ts';
import { sanitizeSchema } from './sanitize-schema.ts';
import { normalizeSource } from './source.ts';
import { newRenderState, type RenderMode } from './state.ts';

export type { RenderOptions } from './options.ts';

/** Render an mdast tree produced by the parser (heading nodes carry data.hProperties.id = anchor) to safe HTML. */
export function renderMinutes(tree: MdastRoot, options: RenderOptions): string {
  return render(() => cloneTree(tree) as MdastRoot, options, 'minutes');
}

/** Render a small Markdown fragment (an excerpt) with the same pipeline, no heading anchors. */
export function renderMarkdownFragment(markdown: string, options: RenderOptions): string {
  return render(() => parseMarkdown(normalizeSource(String(markdown ?? ''))), options, 'fragment');
}

const processor = unified()
  .use(remarkHedgedocContainers)
  .use(remarkRawHtmlTriage)
  .use(remarkEmoji)
  .use(remarkGemojiShortcodes)
  .use(remarkSizedImages)
  .use(remarkHeadingIds)
  // clobberPrefix '': the sanitizer adds `user-content-` to footnote ids once,
  // and links.ts points the `#fn-1` links at them.
  .use(remarkRehype, { allowDangerousHtml: true, clobberPrefix: '' })
  .use(rehypeRawWhenNeeded)
  .use(rehypeSanitize, sanitizeSchema)
  .use(rehypeCallouts)
  .use(rehypeHeadingIds)
  .use(rehypeLinks)
  .freeze();

function render(makeTree: () => MdastRoot, options: RenderOptions, mode: RenderMode): string {
  let tree: MdastRoot | undefined;
  try {
    tree = makeTree();
    const file = new VFile();
    file.data.render = newRenderState(mode, options);
    const hast = processor.runSync(tree, file) as HastRoot;
    return toHtml(hast);
  } catch {
    // Never throw: fall back to the plain text, escaped.
    try {
      const text = tree ? mdastToString(tree) : '';
      return text ? `<p>${escapeHtml(text).replace(/\n{2,}/g, '</p>\n<p>').replace(/\n/g, '<br>\n')}</p>` : '';
    } catch {
      return '';
    }
  }
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
