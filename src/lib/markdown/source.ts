import { CONTAINER_KINDS, containerMarkerComment } from './hedgedoc.ts';

/**
 * Line-preserving clean-up of minutes source before it is parsed as
 * CommonMark + GFM (HedgeDoc-isms that CommonMark does not understand).
 * Contract: the output has exactly the same number of lines as the input,
 * and every line keeps its line number, so parser line numbers stay true.
 *
 * Rules (each line-local, never applied inside fenced code blocks):
 * 1. HedgeDoc sized images `![alt](url =80%x75%)`, `=WxH`, `=Wx`, `=xH`
 *    (optionally after a title) become `![alt](url "=80%x75%")` — a valid
 *    CommonMark image whose title carries the size; the renderer turns a
 *    `=WxH` title into width/height attributes.
 * 2. `##Agenda` (ATX heading without the space, 2–6 `#` followed by a letter
 *    or an emoji shortcode) becomes `## Agenda`. A single `#` is left alone:
 *    `#123`, `#!/bin/bash` and hashtags are far more common than `#Title`.
 *
 * 3. HedgeDoc containers: a line `:::info Title` (info, warning, success,
 *    danger, spoiler) becomes `<!--:::info Title-->`, and its closing `:::`
 *    line `<!--:::-->`. A one-line HTML comment is a block of its own that
 *    interrupts paragraphs and lists (CommonMark would otherwise glue `:::`
 *    onto the paragraph or list item above as lazy continuation text), so
 *    the container's content parses as ordinary blocks; the renderer pairs
 *    the markers into an aside/details. A `:::` with no open container, and
 *    any other `:::word`, are left as they are.
 *
 * Deliberately left alone: a heading glued onto the title
 * (`# 2023-07-27 ## Participants …`). A heading cannot be split without
 * adding a line; HedgeDoc renders it as one heading too, so the renderer
 * shows it as written and the parser may special-case ` ## ` inside a
 * heading's text.
 */
export function normalizeSource(text: string): string {
  if (typeof text !== 'string' || text === '') return typeof text === 'string' ? text : '';
  // Fast path: nothing any rule could touch.
  if (!text.includes('=') && !text.includes(':::') && !/^[ \t]{0,3}##/m.test(text)) return text;
  const lines = text.split('\n');
  let fence: { char: string; length: number } | undefined;
  let openContainers = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const marker = FENCE_RE.exec(line);
    if (fence) {
      if (marker && marker[1]![0] === fence.char && marker[1]!.length >= fence.length && marker[2]!.trim() === '') {
        fence = undefined;
      }
      continue;
    }
    if (marker && !(marker[1]![0] === '`' && marker[2]!.includes('`'))) {
      fence = { char: marker[1]![0]!, length: marker[1]!.length };
      continue;
    }
    const container = line.includes(':::') ? CONTAINER_RE.exec(line) : null;
    if (container) {
      const [, prefix, colons, kind, rest, cr] = container as unknown as [string, string, string, string | undefined, string, string];
      if (kind) {
        openContainers++;
        lines[i] = `${prefix}${containerMarkerComment(colons, `${kind}${rest}`)}${cr}`;
      } else if (rest.trim() === '' && openContainers > 0) {
        openContainers--;
        lines[i] = `${prefix}${containerMarkerComment(colons, '')}${cr}`;
      }
      continue;
    }
    lines[i] = normalizeLine(line);
  }
  return lines.join('\n');
}

/** Opening/closing code fence, also inside list items and block quotes. */
const FENCE_RE = /^[ \t]*(?:>[ \t]?)*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)?(`{3,}|~{3,})(.*)$/;

/** `:::info Title` / `:::` (also inside list items and block quotes). */
const CONTAINER_RE = new RegExp(String.raw`^([ \t]*(?:>[ \t]?)*[ \t]*)(:{3,})(?:[ \t]*(${CONTAINER_KINDS.join('|')})(?![\w-]))?(.*?)(\r?)$`);

/** `##Agenda`, `###:notebook: Agenda` → with a space after the hashes. */
const GLUED_HEADING_RE = /^( {0,3})(#{2,6})(?=[\p{L}:])/u;

/** One size part: `80%`, `300`, `300px`, `12.5%`. */
const SIZE = String.raw`\d+(?:\.\d+)?(?:%|px)?`;
/**
 * `![alt](url =WxH)` or `![alt](url "title" =WxH)`; the URL is either
 * `<…>` or a run without spaces (balanced parentheses one level deep).
 */
const SIZED_IMAGE_RE = new RegExp(
  String.raw`(!\[[^\]\n]*\]\([ \t]*)(<[^>\n]*>|[^\s()<]+(?:\([^\s()]*\)[^\s()<]*)*)(?:[ \t]+"([^"\n]*)")?[ \t]+=(${SIZE})?x(${SIZE})?[ \t]*\)`,
  'g',
);

function normalizeLine(line: string): string {
  let out = line;
  if (out.includes('##')) out = out.replace(GLUED_HEADING_RE, '$1$2 ');
  if (out.includes('=') && out.includes('![')) {
    out = out.replace(SIZED_IMAGE_RE, (whole, open: string, url: string, title: string | undefined, w?: string, h?: string) => {
      if (!w && !h) return whole;
      const size = `=${w ?? ''}x${h ?? ''}`;
      return `${open}${url} "${title ? `${size} ${title}` : size}")`;
    });
  }
  return out;
}
