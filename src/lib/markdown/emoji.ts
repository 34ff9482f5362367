import type { Root as MdastRoot } from 'mdast';
import { nameToEmoji } from 'gemoji';
import { visit } from 'unist-util-visit';

/**
 * Emoji shortcodes that remark-emoji (node-emoji's names) leaves alone but
 * GitHub and HedgeDoc know (gemoji's names: `:family:` and `:telephone:` head
 * dozens of minutes). Runs after remark-emoji, so node-emoji's answer wins
 * where both know a name. (`nameToEmoji` is a plain object: own names only, never
 * `:constructor:`.)
 */
const SHORTCODE_RE = /:([a-z0-9_+-]+):/g;

export function remarkGemojiShortcodes() {
  return (tree: MdastRoot): void => {
    visit(tree, 'text', (node) => {
      if (!node.value.includes(':')) return;
      node.value = node.value.replace(SHORTCODE_RE, (whole, name: string) => (Object.hasOwn(nameToEmoji, name) ? nameToEmoji[name]! : whole));
    });
  };
}
