import type { Root as HastRoot } from 'hast';
import type { Html, Nodes as MdastNodes, PhrasingContent, Root as MdastRoot } from 'mdast';
import rehypeRaw from 'rehype-raw';
import { EXIT, SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { parseMarkdown } from './parse.ts';
import { ALLOWED_TAGS, STRIPPED_TAGS } from './sanitize-schema.ts';
import { renderState, type RenderState } from './state.ts';

/**
 * Raw HTML triage, before the sanitizer sees anything: which raw tags stay
 * HTML (for the sanitizer to keep or drop) and which are placeholders that
 * authors meant as text (`<USER>`, `<n>`, `<YOUR_VERSION>`), and HTML blocks
 * that exist only because a line starts with such a placeholder, which are
 * parsed again as the Markdown they were meant to be.
 */

/** Every HTML element name (current and obsolete) that parse5 treats as a real element. */
const HTML_ELEMENTS = new Set(
  (
    'a abbr acronym address applet area article aside audio b base basefont bdi bdo big blink blockquote body br button ' +
    'canvas caption center cite code col colgroup data datalist dd del details dfn dialog dir div dl dt em embed ' +
    'fieldset figcaption figure font footer form frame frameset h1 h2 h3 h4 h5 h6 head header hgroup hr html i iframe ' +
    'img input ins kbd label legend li link main map mark marquee math menu meta meter nav nobr noembed noframes ' +
    'noscript object ol optgroup option output p param picture pre progress q rp rt ruby s samp script search section ' +
    'select slot small source span strike strong style sub summary sup svg table tbody td template textarea tfoot th ' +
    'thead time title tr track tt u ul var video wbr'
  ).split(' '),
);

/** Formatting tags authors write without attributes on purpose; the sanitizer unwraps them, keeping their text. */
const UNWRAP_OK = new Set(['font', 'center', 'big', 'nobr', 'acronym', 'basefont', 'blink', 'marquee', 'time', 'bdi', 'bdo', 'wbr']);

const STRIP_SET = new Set(STRIPPED_TAGS);
const ALLOWED_SET = new Set(ALLOWED_TAGS);

/** Raw-text elements: unclosed, they swallow the rest of the document. */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'iframe', 'noembed', 'noframes', 'noscript', 'xmp']);

const BLOCK_PARENTS = new Set(['root', 'listItem', 'blockquote', 'footnoteDefinition']);

/** How many times an HTML block may be parsed again as Markdown (each time one `<` is escaped). */
const MAX_REPARSE_DEPTH = 4;

/** The remark transformer: triage every raw HTML node of the tree. */
export function remarkRawHtmlTriage() {
  return (tree: MdastRoot, file: VFile): void => triageHtml(tree, renderState(file), 0);
}

function triageHtml(tree: MdastRoot, state: RenderState, depth: number): void {
  visit(tree, 'html', (node, index, parent) => {
    if (!parent || index === undefined) return undefined;
    const siblings = parent.children as MdastNodes[];
    const replacement = BLOCK_PARENTS.has(parent.type) ? triageBlockHtml(node, state, depth) : triageInlineHtml(node, siblings, index, state);
    if (!Array.isArray(replacement)) return undefined;
    siblings.splice(index, 1, ...replacement);
    return [SKIP, index + replacement.length];
  });
}

/**
 * Whether a raw tag should stay HTML (sanitizer decides) or be shown as text.
 * Unknown names (`<USER>`, `<n>`, `<YOUR_VERSION>`) are placeholders. Known
 * elements the sanitizer would drop anyway (`<link>`, `<title>`, `<input>`)
 * are placeholders too when written bare, without attributes.
 */
function keepTag(state: RenderState, name: string, closing: boolean, hasAttributes: boolean): boolean {
  const n = name.toLowerCase();
  if (!HTML_ELEMENTS.has(n)) return false;
  if (n === 'input') return false; // bare `<input>`: a placeholder (with attributes it is dropped, see isFormControl)
  if (STRIP_SET.has(n) || ALLOWED_SET.has(n) || UNWRAP_OK.has(n)) return true;
  if (closing) return state.keptOpen.has(n);
  if (hasAttributes) state.keptOpen.add(n);
  return hasAttributes;
}

/** A tag start as parse5 sees it: `<` or `</` followed by an ASCII letter; comments are skipped. */
const TAG_OR_COMMENT_RE = /<!--[\s\S]*?(?:-->|$)|<(\/?)([A-Za-z][^\s/>]*)([^>]*)>?/g;

interface TagToken {
  index: number;
  end: number;
  closing: boolean;
  name: string;
  hasAttributes: boolean;
}

function tagTokens(value: string): TagToken[] {
  const out: TagToken[] = [];
  for (const m of value.matchAll(TAG_OR_COMMENT_RE)) {
    if (m[2] === undefined) continue; // comment
    const rest = (m[3] ?? '').replace(/\/\s*$/, '');
    out.push({ index: m.index, end: m.index + m[0].length, closing: m[1] === '/', name: m[2], hasAttributes: /\S/.test(rest) });
  }
  return out;
}

/**
 * A raw `<input …>` is dropped: the sanitizer keeps `input` only as a
 * disabled checkbox (for GFM task lists) and would turn it into one.
 * A bare `<input>` is a placeholder and stays text.
 */
function isFormControl(t: TagToken): boolean {
  return t.name.toLowerCase() === 'input' && (t.closing || t.hasAttributes);
}

function triageInlineHtml(node: Html, siblings: MdastNodes[], index: number, state: RenderState): MdastNodes[] | Html {
  const value = node.value;
  if (value.startsWith('<!--')) return []; // comment: dropped (also `<!-- .slide: … -->`)
  const [tag] = tagTokens(value);
  if (!tag || tag.index !== 0) return value.startsWith('<!') || value.startsWith('<?') ? [] : [text(value)];
  if (isFormControl(tag)) return [];
  const name = tag.name.toLowerCase();
  if (!tag.closing && (RAW_TEXT.has(name) || STRIP_SET.has(name))) {
    // `a <iframe src=x> text` with no closing tag would swallow (and strip) the rest of the paragraph.
    const close = new RegExp(`^</${name}[\\s>]`, 'i');
    const closed = siblings.some((n, i) => i > index && n.type === 'html' && close.test(n.value));
    if (!closed) return [text(value)];
  }
  return keepTag(state, tag.name, tag.closing, tag.hasAttributes) ? node : [text(value)];
}

function triageBlockHtml(node: Html, state: RenderState, depth: number): MdastNodes[] | Html {
  const value = node.value;
  const trimmed = value.trimStart();
  if (trimmed.startsWith('<!--')) {
    const close = trimmed.indexOf('-->', 4);
    if (close !== -1 && trimmed.slice(close + 3).trim() === '') return []; // a comment block (also a hidden slide)
    if (close === -1 && depth < MAX_REPARSE_DEPTH) return reparse(value, value.indexOf('<'), state, depth); // unclosed: would hide the rest of the file
  }
  const tokens = tagTokens(value);
  // An unclosed raw-text tag anywhere in the block (`<form>…</form>\n<iframe src=x>`)
  // would swallow the rest of the file: it is shown as text.
  const unclosed = tokens.map((t) => !t.closing && RAW_TEXT.has(t.name.toLowerCase()) && !new RegExp(`</${t.name}[\\s>]`, 'i').test(value.slice(t.end)));
  const keep = tokens.map((t, i) => !unclosed[i] && keepTag(state, t.name, t.closing, t.hasAttributes));
  const first = tokens[0];
  if (first && value.slice(0, first.index).trim() === '' && depth < MAX_REPARSE_DEPTH) {
    const unclosedRawText = unclosed[0] === true;
    // An HTML block that only exists because a line starts with a placeholder
    // (`<NAME>`) or an unclosed `<style>`: show that tag as text and parse the
    // rest as the Markdown it was meant to be.
    if (unclosedRawText || (!keep[0] && !isFormControl(first))) return reparse(value, first.index, state, depth);
  }
  // Escape the placeholders inside otherwise real HTML.
  let out = '';
  let last = 0;
  tokens.forEach((t, i) => {
    if (isFormControl(t)) {
      out += value.slice(last, t.index);
      last = t.end;
    } else if (!keep[i]) {
      out += `${value.slice(last, t.index)}&lt;`;
      last = t.index + 1;
    }
  });
  if (last === 0) return node;
  return [{ ...node, value: out + value.slice(last) }];
}

/** Parse an HTML block as Markdown, with the `<` at `at` escaped. */
function reparse(value: string, at: number, state: RenderState, depth: number): MdastNodes[] {
  const parsed = parseMarkdown(`${value.slice(0, at)}\\${value.slice(at)}`);
  triageHtml(parsed, state, depth + 1);
  return parsed.children as MdastNodes[];
}

function text(value: string): PhrasingContent {
  return { type: 'text', value };
}

const rawTransform = rehypeRaw();

/** rehype-raw (parse5) only when the tree holds raw HTML: most minutes have none. */
export function rehypeRawWhenNeeded() {
  return (tree: HastRoot, file: VFile): HastRoot => (hasRaw(tree) ? rawTransform(tree, file) : tree);
}

function hasRaw(tree: HastRoot): boolean {
  let found = false;
  visit(tree, 'raw', () => {
    found = true;
    return EXIT;
  });
  return found;
}
