import { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';

/**
 * The sanitizer's allow-list: GitHub's defaults, tightened. The raw-HTML
 * triage (raw-html.ts) reads the same tag lists to decide which tags stay
 * HTML and which are placeholders shown as text.
 */

/** Removed together with their content by the sanitizer (CSS, scripts, embedded documents). */
export const STRIPPED_TAGS = ['script', 'style', 'iframe', 'object', 'embed', 'applet', 'template', 'noembed', 'noframes', 'noscript', 'svg', 'math', 'frame', 'frameset'];

/** Kept by the sanitizer (GitHub's list plus a few harmless inline ones). */
export const ALLOWED_TAGS = [...(defaultSchema.tagNames ?? []), 'u', 'mark', 'small', 'abbr', 'cite', 'dfn'];

const REMOVED_ATTRIBUTES = new Set(['accessKey', 'tabIndex', 'action', 'method', 'encType', 'accept', 'acceptCharset', 'color', 'size', 'prompt']);

export const sanitizeSchema: SanitizeSchema = {
  ...defaultSchema,
  tagNames: ALLOWED_TAGS,
  strip: STRIPPED_TAGS,
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
