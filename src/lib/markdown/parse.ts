import type { Root } from 'mdast';
import { markdownToMdast } from 'satteri';

/**
 * CommonMark + GFM (autolink literals, tables, task lists), never MDX, into a
 * standard mdast tree with positions. satteri is Astro 7's own native Markdown
 * parser: on the SCS minutes it parses in ~0.1 s what remark-parse + remark-gfm
 * parse in ~2 s (measured with bench/, see bench/README.md). Frontmatter is
 * handled before (gray-matter), so it is off here.
 *
 * The one parser of the project: the extraction (lib/minutes) and the
 * renderer (this folder) both call it, so neither imports the other.
 */
export function parseMarkdown(text: string): Root {
  return markdownToMdast(text, { features: { gfm: true, frontmatter: false }, position: true }) as unknown as Root;
}
