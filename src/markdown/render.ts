/**
 * Minutes Markdown → safe HTML.
 *
 * Pipeline (one frozen unified processor, reused for every file):
 *
 *   mdast (from the parser, or parsed here for fragments)
 *     → prepareTree      raw-HTML triage (placeholders like `<USER>` become text),
 *                        HedgeDoc `:::info` / `:::spoiler` containers (marked by
 *                        normalizeSource), sized images, gemoji names node-emoji
 *                        lacks (`:family:`), trusted marks on headings and containers
 *     → remark-emoji     `:rocket:` → 🚀
 *     → remark-rehype    (raw HTML kept as `raw` nodes)
 *     → rehype-raw       parse raw HTML with parse5 (skipped when there is none)
 *     → rehype-sanitize  allow-list schema (GitHub's, tightened)
 *     → finishTree       trusted, after sanitizing: heading ids + anchor links,
 *                        search weight on headings, callout classes,
 *                        link/image rewriting, issue-page links
 *     → hast-util-to-html
 *
 * Anything added after sanitizing comes from us or from the resolver
 * callbacks, never from the minutes text. Markers that must survive the
 * sanitizer (headings, containers) travel as an `id` with a per-process
 * random nonce, which the sanitizer only prefixes with `user-content-`.
 */
import { randomBytes } from 'node:crypto';
import type { Element, ElementContent, Root as HastRoot, RootContent as HastRootContent } from 'hast';
import type {
  BlockContent,
  Blockquote,
  Heading,
  Html,
  Image,
  Nodes as MdastNodes,
  Paragraph,
  PhrasingContent,
  Root as MdastRoot,
} from 'mdast';
import GithubSlugger from 'github-slugger';
import { toHtml } from 'hast-util-to-html';
import { toString as hastToString } from 'hast-util-to-string';
import { toString as mdastToString } from 'mdast-util-to-string';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';
import remarkEmoji from 'remark-emoji';
import { parseMarkdown } from '../lib/minutes/markdown.ts';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { normalizeSource } from './source.ts';

export interface RenderOptions {
  /** Site URL for an image/link target that exists as a file next to the minutes (incl. remote HedgeDoc upload URLs https://<host>/uploads/<name> whose <name> exists locally in the same folder), else undefined. */
  resolveAsset(url: string): string | undefined;
  /** Internal meeting URL for a link into the minutes repository itself (github.com/<org>/minutes/blob|tree/<branch>/<series>/<file>.md[#anchor]) or a relative link to another minutes file ('20230704-special.md#x'), else undefined. */
  resolveMinutesLink(url: string): string | undefined;
  /** Internal issue page URL for a GitHub issue/PR/discussion URL, else undefined. */
  issuePageUrl(url: string): string | undefined;
}

/** Render an mdast tree produced by the parser (heading nodes carry data.hProperties.id = anchor) to safe HTML. */
export function renderMinutes(tree: MdastRoot, options: RenderOptions): string {
  return render(() => cloneTree(tree) as MdastRoot, options, 'minutes');
}

/** Render a small Markdown fragment (an excerpt) with the same pipeline, no heading anchors. */
export function renderMarkdownFragment(markdown: string, options: RenderOptions): string {
  return render(() => parseMarkdown(normalizeSource(String(markdown ?? ''))), options, 'fragment');
}

/**
 * Pagefind weight (`data-pagefind-weight`) of every heading, and of the page
 * titles that the components render. Pagefind's defaults (h1 7, h2 6, h3 5,
 * h4 4, h5 3, h6 2) punish the minutes' topics, which mostly sit at h3/h4
 * below a date h1 and an "Agenda" h2: a topic heading is the strongest signal
 * we have whatever its depth, so all of them get pagefind's maximum, like the
 * title. Written into the published HTML so pagefind can read the built
 * files itself (src/integrations/pagefind.ts).
 */
export const HEADING_SEARCH_WEIGHT = 10;

/** Classes this module adds after sanitizing (for the site's CSS). */
export const RENDER_CLASSES = {
  headingAnchor: 'heading-anchor',
  issuePageLink: 'issue-page-link',
  callout: 'callout',
  missingImage: 'missing-image',
} as const;

// ---------------------------------------------------------------------------
// Render context (the processor is frozen and shared; per-call state lives
// here for the duration of one synchronous run).

type Mode = 'minutes' | 'fragment';
type CalloutKind = 'info' | 'warning' | 'success' | 'danger';
type Mark = { kind: 'heading'; anchor: string } | { kind: 'callout'; type: CalloutKind };

interface Context {
  mode: Mode;
  options: RenderOptions;
  marks: Mark[];
  /** Tag names whose opening tag (with attributes) was kept as HTML, so the closing tag is kept too. */
  keptOpen: Set<string>;
}

let current: Context | undefined;

function ctx(): Context {
  if (!current) throw new Error('render context missing');
  return current;
}

/** Per-process nonce: minutes cannot forge a trusted mark. */
const MARK = `m${randomBytes(6).toString('hex')}-`;
const MARK_ID = `user-content-${MARK}`;

function render(makeTree: () => MdastRoot, options: RenderOptions, mode: Mode): string {
  const previous = current;
  current = { mode, options, marks: [], keptOpen: new Set() };
  let tree: MdastRoot | undefined;
  try {
    tree = makeTree();
    const hast = processor.runSync(tree) as HastRoot;
    return toHtml(hast);
  } catch {
    // Never throw: fall back to the plain text, escaped.
    try {
      const text = tree ? mdastToString(tree) : '';
      return text ? `<p>${escapeHtml(text).replace(/\n{2,}/g, '</p>\n<p>').replace(/\n/g, '<br>\n')}</p>` : '';
    } catch {
      return '';
    }
  } finally {
    current = previous;
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

// ---------------------------------------------------------------------------
// Raw HTML triage.

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

/** Removed together with their content by the sanitizer (CSS, scripts, embedded documents). */
const STRIP = ['script', 'style', 'iframe', 'object', 'embed', 'applet', 'template', 'noembed', 'noframes', 'noscript', 'svg', 'math', 'frame', 'frameset'];

/** Kept by the sanitizer (GitHub's list plus a few harmless inline ones). */
const ALLOWED_TAGS = [...(defaultSchema.tagNames ?? []), 'u', 'mark', 'small', 'abbr', 'cite', 'dfn'];

/** Formatting tags authors write without attributes on purpose; the sanitizer unwraps them, keeping their text. */
const UNWRAP_OK = new Set(['font', 'center', 'big', 'nobr', 'acronym', 'basefont', 'blink', 'marquee', 'time', 'bdi', 'bdo', 'wbr']);

const STRIP_SET = new Set(STRIP);
const ALLOWED_SET = new Set(ALLOWED_TAGS);

/**
 * Whether a raw tag should stay HTML (sanitizer decides) or be shown as text.
 * Unknown names (`<USER>`, `<n>`, `<YOUR_VERSION>`) are placeholders. Known
 * elements the sanitizer would drop anyway (`<link>`, `<title>`, `<input>`)
 * are placeholders too when written bare, without attributes.
 */
function keepTag(name: string, closing: boolean, hasAttributes: boolean): boolean {
  const n = name.toLowerCase();
  if (!HTML_ELEMENTS.has(n)) return false;
  if (n === 'input') return false; // bare `<input>`: a placeholder (with attributes it is dropped, see isFormControl)
  if (STRIP_SET.has(n) || ALLOWED_SET.has(n) || UNWRAP_OK.has(n)) return true;
  const c = ctx();
  if (closing) return c.keptOpen.has(n);
  if (hasAttributes) c.keptOpen.add(n);
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

/** Raw-text elements: unclosed, they swallow the rest of the document. */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'iframe', 'noembed', 'noframes', 'noscript', 'xmp']);

const BLOCK_PARENTS = new Set(['root', 'listItem', 'blockquote', 'footnoteDefinition']);

type AnyParent = Extract<MdastNodes, { children: unknown[] }>;

function children(parent: AnyParent): MdastNodes[] {
  return parent.children as MdastNodes[];
}

function fixHtml(parent: AnyParent, depth: number): void {
  const list = children(parent);
  const block = BLOCK_PARENTS.has(parent.type);
  for (let i = 0; i < list.length; i++) {
    const node = list[i]!;
    if (node.type === 'html') {
      const replacement = block ? triageBlockHtml(node, depth) : triageInlineHtml(node, list, i);
      if (!Array.isArray(replacement)) continue;
      list.splice(i, 1, ...replacement);
      i += replacement.length - 1;
      continue;
    }
    if ('children' in node) fixHtml(node, depth);
  }
}

function triageInlineHtml(node: Html, siblings: MdastNodes[], index: number): MdastNodes[] | Html {
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
  return keepTag(tag.name, tag.closing, tag.hasAttributes) ? node : [text(value)];
}

function triageBlockHtml(node: Html, depth: number): MdastNodes[] | Html {
  const value = node.value;
  const trimmed = value.trimStart();
  if (trimmed.startsWith('<!--')) {
    const close = trimmed.indexOf('-->', 4);
    if (close !== -1 && trimmed.slice(close + 3).trim() === '') return []; // a comment block (also a hidden slide)
    if (close === -1 && depth < 4) return reparse(value, value.indexOf('<'), depth); // unclosed: would hide the rest of the file
  }
  const tokens = tagTokens(value);
  const keep = tokens.map((t) => keepTag(t.name, t.closing, t.hasAttributes));
  const first = tokens[0];
  if (first && value.slice(0, first.index).trim() === '' && depth < 4) {
    const name = first.name.toLowerCase();
    const unclosedRawText = !first.closing && RAW_TEXT.has(name) && !new RegExp(`</${name}[\\s>]`, 'i').test(value);
    // An HTML block that only exists because a line starts with a placeholder
    // (`<NAME>`) or an unclosed `<style>`: show that tag as text and parse the
    // rest as the Markdown it was meant to be.
    if (unclosedRawText || (!keep[0] && !isFormControl(first))) return reparse(value, first.index, depth);
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
function reparse(value: string, at: number, depth: number): MdastNodes[] {
  const parsed = parseMarkdown(`${value.slice(0, at)}\\${value.slice(at)}`);
  fixHtml(parsed, depth + 1);
  return parsed.children as MdastNodes[];
}

function text(value: string): PhrasingContent {
  return { type: 'text', value };
}

// ---------------------------------------------------------------------------
// HedgeDoc containers: `:::info` … `:::` (info, warning, success, danger, spoiler).
// normalizeSource turns each marker line into a one-line HTML comment
// (`<!--:::info Title-->`, `<!--:::-->`): a comment line interrupts paragraphs
// and lists, so the container's content parses as its own blocks.

const MARKER_RE = /^[ \t]*<!--:{3,}(?:[ \t]*(info|warning|success|danger|spoiler)(?!\w))?(.*?)-->[ \t]*$/;

interface Marker {
  open: boolean;
  kind: string;
  title: string;
}

function markerOf(node: MdastNodes | undefined): Marker | undefined {
  if (node?.type !== 'html' || !node.value.startsWith('<!--:::', node.value.search(/\S/))) return undefined;
  const m = MARKER_RE.exec(node.value);
  if (!m) return undefined;
  if (m[1]) return { open: true, kind: m[1], title: (m[2] ?? '').trim() };
  return (m[2] ?? '').trim() === '' ? { open: false, kind: '', title: '' } : undefined;
}

function transformContainers(parent: AnyParent): void {
  const list = children(parent);
  for (const child of list) if ('children' in child && child.type !== 'paragraph' && child.type !== 'heading') transformContainers(child);
  if (!BLOCK_PARENTS.has(parent.type)) return;
  for (let i = 0; i < list.length; i++) {
    const open = markerOf(list[i]);
    if (!open) continue;
    if (!open.open) {
      // A closer without an opener: keep it visible as the text it was.
      list[i] = { type: 'paragraph', children: [text(':::')] };
      continue;
    }
    let depth = 0;
    let end = list.length; // unclosed: runs to the end of its parent, as in HedgeDoc
    for (let j = i + 1; j < list.length; j++) {
      const m = markerOf(list[j]);
      if (m?.open) depth++;
      else if (m && depth-- === 0) {
        end = j;
        break;
      }
    }
    const inner = list.slice(i + 1, end) as BlockContent[];
    const container = makeContainer(open.kind, open.title, inner);
    list.splice(i, end - i + (end < list.length ? 1 : 0), container);
    transformContainers(container);
  }
}

function makeContainer(kind: string, title: string, inner: BlockContent[]): Blockquote {
  if (kind === 'spoiler') {
    let open = false;
    const label = title
      .replace(/\{[^}]*\bstate\s*=\s*["']?open["']?[^}]*\}/i, () => {
        open = true;
        return '';
      })
      .replace(/\{[^}]*\}/g, '')
      .trim();
    const summary: Paragraph = { type: 'paragraph', data: { hName: 'summary' }, children: [text(label || 'Details')] };
    return {
      type: 'blockquote',
      data: { hName: 'details', hProperties: open ? { open: true } : {} },
      children: [summary, ...inner],
    };
  }
  const children: BlockContent[] = title ? [{ type: 'paragraph', children: [{ type: 'strong', children: [text(title)] }] }, ...inner] : inner;
  return { type: 'blockquote', data: { hName: 'div', hProperties: { id: mark({ kind: 'callout', type: kind as CalloutKind }) } }, children };
}

function mark(m: Mark): string {
  const marks = ctx().marks;
  marks.push(m);
  return `${MARK}${marks.length - 1}`;
}

// ---------------------------------------------------------------------------
// Emoji: remark-emoji (node-emoji names) plus GitHub/HedgeDoc (gemoji) names
// that node-emoji lacks; `:family:` and `:telephone:` head 70 minutes each.

const GEMOJI_ALIASES: Readonly<Record<string, string>> = {
  family: '👪', telephone: '☎️', thumbsup: '👍', thumbsdown: '👎', bee: '🐝', information_desk_person: '💁',
  construction_worker: '👷', raising_hand: '🙋', bow: '🙇', no_good: '🙅', person_frowning: '🙍',
  person_with_pouting_face: '🙎', running: '🏃', walking: '🚶', cop: '👮', punch: '👊', hand: '✋', hankey: '💩',
  shit: '💩', satisfied: '😆', collision: '💥', heavy_exclamation_mark: '❗', envelope: '✉️', pencil: '📝', car: '🚗',
  boat: '⛵', knife: '🔪', lantern: '🏮', book: '📖', shoe: '👞', shirt: '👕', moon: '🌔', feet: '🐾', gb: '🇬🇧',
  fist_raised: '✊',
};

const ALIAS_RE = /:([a-z][a-z0-9_]*):/g;

function replaceAliases(node: MdastNodes): void {
  if (node.type === 'text') {
    if (node.value.includes(':')) {
      node.value = node.value.replace(ALIAS_RE, (whole, name: string) => GEMOJI_ALIASES[name] ?? whole);
    }
    return;
  }
  if ('children' in node) for (const c of node.children as MdastNodes[]) replaceAliases(c);
}

// ---------------------------------------------------------------------------
// Images and headings.

const SIZE_TITLE_RE = /^=(\d+(?:\.\d+)?(?:%|px)?)?x(\d+(?:\.\d+)?(?:%|px)?)?(?:\s+([\s\S]*))?$/;

function sizeImage(node: Image): void {
  const m = node.title ? SIZE_TITLE_RE.exec(node.title) : null;
  if (!m || (!m[1] && !m[2])) return;
  const props: Record<string, string> = {};
  if (m[1]) props['width'] = m[1].replace(/px$/, '');
  if (m[2]) props['height'] = m[2].replace(/px$/, '');
  node.title = m[3] ?? null;
  node.data = { ...node.data, hProperties: { ...(node.data?.hProperties ?? {}), ...props } };
}

function prepareTree(tree: MdastRoot): void {
  const c = ctx();
  transformContainers(tree);
  fixHtml(tree, 0);
  replaceAliases(tree);
  const headings: Heading[] = [];
  const walk = (node: MdastNodes): void => {
    if (node.type === 'image') sizeImage(node);
    else if (node.type === 'heading') headings.push(node);
    if ('children' in node) for (const child of node.children as MdastNodes[]) walk(child);
  };
  walk(tree);
  if (c.mode === 'fragment') {
    for (const h of headings) if (h.data?.hProperties) delete h.data.hProperties['id'];
    return;
  }
  // Anchors come from the parser; a heading without one (a tree built
  // elsewhere) gets a GitHub slug that does not collide with the others.
  const taken = new Set<string>();
  for (const h of headings) {
    const id = h.data?.hProperties?.['id'];
    if (typeof id === 'string' && id !== '') taken.add(id);
  }
  const slugger = new GithubSlugger();
  for (const h of headings) {
    const given = h.data?.hProperties?.['id'];
    let anchor = typeof given === 'string' && given !== '' ? given : '';
    if (!anchor) {
      const plain = mdastToString(h, { includeHtml: false });
      do anchor = slugger.slug(plain);
      while (taken.has(anchor));
      taken.add(anchor);
    }
    h.data = { ...h.data, hProperties: { ...(h.data?.hProperties ?? {}), id: mark({ kind: 'heading', anchor }) } };
  }
}

// ---------------------------------------------------------------------------
// Sanitizer schema: GitHub's defaults, tightened.

const REMOVED_ATTRIBUTES = new Set(['accessKey', 'tabIndex', 'action', 'method', 'encType', 'accept', 'acceptCharset', 'color', 'size', 'prompt']);

export const sanitizeSchema: SanitizeSchema = {
  ...defaultSchema,
  tagNames: ALLOWED_TAGS,
  strip: STRIP,
  allowComments: false,
  allowDoctypes: false,
  attributes: {
    ...defaultSchema.attributes,
    '*': (defaultSchema.attributes?.['*'] ?? []).filter((a) => !REMOVED_ATTRIBUTES.has(typeof a === 'string' ? a : a[0])),
    img: [...(defaultSchema.attributes?.['img'] ?? []), 'alt', 'title', 'width', 'height'],
    details: ['open'],
  },
  // No irc/xmpp; links are http(s) and mail only. Images: http(s) only (no data:).
  protocols: {
    cite: ['http', 'https'],
    href: ['http', 'https', 'mailto'],
    longDesc: ['http', 'https'],
    src: ['http', 'https'],
  },
};

// ---------------------------------------------------------------------------
// After sanitizing: trusted additions.

const ISSUE_URL_RE = /^https?:\/\/(?:www\.)?github\.com\/([\w.-]+)\/([\w.-]+)\/(issues|pull|discussions)\/(\d+)/i;
const ABSOLUTE_URL_RE = /^[a-z][a-z\d+.-]*:/i;

const HEADING_TAG = /^h[1-6]$/;

function finishTree(tree: HastRoot): void {
  const c = ctx();
  const ids = new Set<string>();
  const headings: Element[] = [];

  // Pass 1: resolve marks, collect ids.
  visitElements(tree, (el) => {
    const id = el.properties['id'];
    if (typeof id === 'string' && id.startsWith(MARK_ID)) {
      const m = c.marks[Number(id.slice(MARK_ID.length))];
      delete el.properties['id'];
      if (m?.kind === 'heading') {
        el.properties['id'] = m.anchor;
        headings.push(el);
      } else if (m?.kind === 'callout') {
        el.tagName = 'aside';
        el.properties['className'] = [RENDER_CLASSES.callout, `${RENDER_CLASSES.callout}-${m.type}`];
      }
    }
    const finalId = el.properties['id'];
    if (typeof finalId === 'string') ids.add(finalId);
    const name = el.tagName === 'a' ? el.properties['name'] : undefined;
    if (typeof name === 'string') ids.add(name); // `<a name>` is an in-page target too
    if (c.mode === 'minutes' && HEADING_TAG.test(el.tagName)) el.properties['dataPagefindWeight'] = String(HEADING_SEARCH_WEIGHT);
  });

  for (const h of headings) {
    const anchor = String(h.properties['id']);
    const label = hastToString(h).replace(/\s+/g, ' ').trim() || anchor;
    h.children.push(
      { type: 'text', value: ' ' },
      {
        type: 'element',
        tagName: 'a',
        properties: { className: [RENDER_CLASSES.headingAnchor], href: `#${anchor}`, ariaLabel: `Link to section: ${label}` },
        children: [{ type: 'text', value: '#' }],
      },
    );
  }

  // Pass 2: links and images.
  visitParents(tree, (parent) => {
    const list = parent.children;
    for (let i = 0; i < list.length; i++) {
      const el = list[i]!;
      if (el.type !== 'element') continue;
      if (el.tagName === 'a' && !isOurs(el)) {
        const extra = finishLink(el, ids);
        if (extra === 'remove') {
          list.splice(i, 1, ...el.children);
          i += el.children.length - 1;
        } else if (extra) {
          list.splice(i + 1, 0, ...extra);
          i += extra.length;
        }
      } else if (el.tagName === 'img') {
        const replacement = finishImage(el);
        if (replacement) list[i] = replacement;
      }
    }
  });
}

function isOurs(el: Element): boolean {
  const cls = el.properties['className'];
  return Array.isArray(cls) && (cls.includes(RENDER_CLASSES.headingAnchor) || cls.includes(RENDER_CLASSES.issuePageLink));
}

/** Returns sibling nodes to insert after the link, or 'remove' to unwrap it. */
function finishLink(el: Element, ids: Set<string>): ElementContent[] | 'remove' | undefined {
  const { options, mode } = ctx();
  const props = el.properties;
  // An empty link (`[](https://)`) has no accessible name and nothing to click;
  // an empty `<a name>` / `<a id>` stays as an in-page target.
  if (!hasContent(el)) {
    if (props['id'] === undefined && props['name'] === undefined) return 'remove';
    delete props['href'];
    return undefined;
  }
  const raw = props['href'];
  if (typeof raw !== 'string' || raw === '') return undefined;
  const href = raw.trim();

  if (href.startsWith('#')) {
    const target = safeDecode(href.slice(1));
    if (mode === 'minutes' && ids.has(target)) return undefined;
    if (mode === 'minutes' && ids.has(`user-content-${target}`)) {
      props['href'] = `#user-content-${target}`;
      return undefined;
    }
    // Dangling in-page anchor (or an excerpt shown on another page): keep the text only.
    delete props['href'];
    return undefined;
  }

  const internal = call(() => options.resolveMinutesLink(href)) ?? call(() => options.resolveAsset(href));
  if (internal !== undefined) {
    props['href'] = internal;
    return undefined;
  }
  const external = ABSOLUTE_URL_RE.test(href) || href.startsWith('//');
  if (!external) {
    // A relative link to something the archive does not publish would be a broken link.
    delete props['href'];
    props['title'] = `Not in the archive: ${href}`;
    return undefined;
  }
  if (!/^(?:https?:)?\/\//i.test(href)) return undefined; // mailto:
  props['rel'] = ['noopener'];
  const page = call(() => options.issuePageUrl(href));
  if (page === undefined) return undefined;
  const m = ISSUE_URL_RE.exec(href);
  const key = m ? `${m[1]}/${m[2]}#${m[4]}`.toLowerCase() : 'this issue';
  const label = `Meetings that discussed ${key}`;
  return [
    { type: 'text', value: ' ' },
    {
      type: 'element',
      tagName: 'a',
      properties: { className: [RENDER_CLASSES.issuePageLink], href: page, title: label, ariaLabel: label },
      children: [{ type: 'text', value: '↗' }],
    },
  ];
}

function finishImage(el: Element): ElementContent | undefined {
  const { options } = ctx();
  const props = el.properties;
  if (typeof props['alt'] !== 'string') props['alt'] = '';
  const src = typeof props['src'] === 'string' ? props['src'].trim() : '';
  if (!src) return imagePlaceholder(props['alt'] || 'image');
  const local = call(() => options.resolveAsset(src));
  if (local !== undefined) props['src'] = local;
  else if (!ABSOLUTE_URL_RE.test(src) && !src.startsWith('//')) {
    // A relative image that does not exist next to the minutes: show what it was.
    return imagePlaceholder(props['alt'] || src);
  }
  props['loading'] = 'lazy';
  return undefined;
}

function imagePlaceholder(label: string): Element {
  return {
    type: 'element',
    tagName: 'span',
    properties: { className: [RENDER_CLASSES.missingImage] },
    children: [{ type: 'text', value: `[image: ${label}]` }],
  };
}

function hasContent(el: Element): boolean {
  if (hastToString(el).trim() !== '') return true;
  let found = false;
  visitElements(el, (e) => {
    if (e.tagName === 'img') found = true;
  });
  return found;
}

/** A resolver's answer; a resolver that throws or returns junk counts as "no answer". */
function call(fn: () => unknown): string | undefined {
  try {
    const r = fn();
    return typeof r === 'string' && r !== '' ? r : undefined;
  } catch {
    return undefined;
  }
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function visitElements(node: HastRoot | Element, fn: (el: Element) => void): void {
  for (const child of node.children as HastRootContent[]) {
    if (child.type === 'element') {
      fn(child);
      visitElements(child, fn);
    }
  }
}

function visitParents(node: HastRoot | Element, fn: (parent: { children: ElementContent[] }) => void): void {
  fn(node as { children: ElementContent[] });
  for (const child of node.children as HastRootContent[]) if (child.type === 'element') visitParents(child, fn);
}

// ---------------------------------------------------------------------------
// The processors (frozen once, shared by every call).

const rawTransform = rehypeRaw();

/** rehype-raw (parse5) only when the tree holds raw HTML: most minutes have none. */
function rawWhenNeeded() {
  return (tree: HastRoot, file: Parameters<typeof rawTransform>[1]): HastRoot => (hasRaw(tree) ? rawTransform(tree, file) : tree);
}

function hasRaw(node: HastRoot | Element): boolean {
  for (const child of node.children as HastRootContent[]) {
    if ((child.type as string) === 'raw') return true;
    if (child.type === 'element' && hasRaw(child)) return true;
  }
  return false;
}


const processor = unified()
  .use(() => prepareTree)
  .use(remarkEmoji)
  // clobberPrefix '': the sanitizer adds `user-content-` to footnote ids once,
  // and finishTree points the `#fn-1` links at them.
  .use(remarkRehype, { allowDangerousHtml: true, clobberPrefix: '' })
  .use(rawWhenNeeded)
  .use(rehypeSanitize, sanitizeSchema)
  .use(() => finishTree)
  .freeze();

