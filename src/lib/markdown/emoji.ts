import type { Text } from 'mdast';
import { nameToEmoji } from 'gemoji';

/**
 * Emoji shortcodes that remark-emoji (node-emoji's names) leaves alone but
 * GitHub and HedgeDoc know (gemoji's names: `:family:` and `:telephone:` head
 * dozens of minutes). Runs after remark-emoji, so node-emoji's answer wins
 * where both know a name. (`nameToEmoji` is a plain object: own names only, never
 * `:constructor:`.)
 */
const SHORTCODE_RE = /:([a-z0-9_+-]+):/g;

/** Replace the gemoji shortcodes in one text node (a step of the shared mdast walk, steps.ts). */
export function replaceGemojiShortcodes(node: Text): void {
  if (!node.value.includes(':')) return;
  node.value = node.value.replace(SHORTCODE_RE, (whole, name: string) => (Object.hasOwn(nameToEmoji, name) ? nameToEmoji[name]! : whole));
}
