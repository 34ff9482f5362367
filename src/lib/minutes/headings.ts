import GithubSlugger from 'github-slugger';
import type { Root } from 'mdast';
import type { Heading } from './types.ts';
import { endLine, plainText, rawPlainText, startLine, type HeadingInfo } from './markdown.ts';

/**
 * Collect the headings in document order and give each a GitHub-compatible
 * anchor (github-slugger on the rendered text, repeats get `-1`, `-2`), so an
 * anchor copied from GitHub's view of the file works here too. The anchor is
 * also set as `data.hProperties.id` on the mdast node for the renderer.
 *
 * Emoji shortcodes are dropped but their surrounding spaces kept, as GitHub
 * does with rendered emoji (`## :family: Participants` -> `#-participants`).
 */
export function collectHeadings(tree: Root): HeadingInfo[] {
  const slugger = new GithubSlugger();
  const out: HeadingInfo[] = [];
  const walk = (nodes: Root['children']) => {
    for (const node of nodes) {
      if (node.type === 'heading') {
        const anchor = slugger.slug(rawPlainText(node));
        // `hProperties` is read by mdast-util-to-hast; typed loosely so this module needs no augmentation.
        const data = (node.data ??= {}) as { hProperties?: Record<string, unknown> };
        data.hProperties = { ...(data.hProperties ?? {}), id: anchor };
        out.push({ node, depth: node.depth, text: plainText(node), anchor, line: startLine(node), endLine: endLine(node) });
      } else if ('children' in node) {
        // Headings can sit in block quotes and list items too.
        walk(node.children as Root['children']);
      }
    }
  };
  walk(tree.children);
  return out;
}

/** Per-line section anchors: `result[line]` ('' before the first heading). */
export function sectionAnchors(headings: HeadingInfo[], lineCount: number): string[] {
  const anchors = new Array<string>(lineCount + 2).fill('');
  let h = 0;
  let current = '';
  for (let line = 1; line <= lineCount + 1; line++) {
    while (h < headings.length && headings[h]!.line <= line) current = headings[h++]!.anchor;
    anchors[line] = current;
  }
  return anchors;
}

export function toModelHeadings(headings: HeadingInfo[]): Heading[] {
  return headings.map(({ depth, text, anchor, line }) => ({ depth, text, anchor, line }));
}
