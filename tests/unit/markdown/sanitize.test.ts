/**
 * More sanitizer rules, one case each (beyond render.test.ts): the output of
 * renderMinutes and renderMarkdownFragment is parsed like a browser would
 * (htmlparser2) and checked for anything that could run or restyle.
 */
import { parseMarkdown } from '../../../src/lib/markdown/parse.ts';
import { describe, expect, it } from 'vitest';
import { DomUtils, parseDocument } from 'htmlparser2';
import type { Element } from 'domhandler';
import { normalizeSource } from '../../../src/lib/markdown/source.ts';
import { renderMarkdownFragment, renderMinutes, type RenderOptions, type RenderResult } from '../../../src/lib/markdown/render.ts';
import { sanitizeSchema } from '../../../src/lib/markdown/sanitize-schema.ts';

const options: RenderOptions = { resolveAsset: () => undefined, resolveMinutesLink: () => undefined, issuePageUrl: () => undefined };
/** The HTML of a render that must not have failed anywhere. */
function htmlOf(result: RenderResult): string {
  expect(result.problems).toEqual([]);
  return result.html;
}
const render = (md: string) => htmlOf(renderMinutes(parseMarkdown(normalizeSource(md)), options));
const fragment = (md: string) => htmlOf(renderMarkdownFragment(md, options));

const ALLOWED_SCHEMES = new Set(['http', 'https', 'mailto']);
const URL_ATTRS = ['href', 'src', 'action', 'formaction', 'data', 'poster', 'background', 'cite', 'longdesc', 'xlink:href', 'srcset', 'ping', 'srcdoc'];
const FORBIDDEN = new Set(['script', 'style', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'form', 'button', 'select', 'textarea', 'meta', 'link', 'base', 'svg', 'math', 'template', 'noscript', 'title', 'video', 'audio', 'source', 'track', 'dialog', 'portal', 'marquee', 'xmp', 'plaintext', 'listing', 'keygen', 'isindex', 'body', 'html', 'head']);
const OUR_CLASSES = /^(heading-anchor|issue-page-link|callout|callout-(info|warning|success|danger)|missing-image|contains-task-list|task-list-item|footnotes|sr-only|data-footnote-backref|language-[\w+#.-]+)$/;

/** Every way the HTML could run script or restyle the page. */
function dangers(html: string): string[] {
  const out: string[] = [];
  const doc = parseDocument(html);
  for (const e of DomUtils.findAll(() => true, doc.children) as Element[]) {
    if (FORBIDDEN.has(e.name)) out.push(`<${e.name}>`);
    if (e.name === 'input' && !(e.attribs['type'] === 'checkbox' && 'disabled' in e.attribs)) out.push('<input> (not a disabled checkbox)');
    for (const [k, v] of Object.entries(e.attribs)) {
      if (/^on/i.test(k)) out.push(`${k}=`);
      if (k === 'style') out.push(`style="${v}"`);
      if (k === 'target' || k === 'formaction' || k === 'srcdoc' || k === 'srcset' || k === 'ping' || k === 'autofocus') out.push(`${k}=`);
      if (URL_ATTRS.includes(k)) {
        const scheme = v.replace(/[\u0000-\u0020\u007f]+/g, '').toLowerCase().match(/^([a-z][a-z0-9+.-]*):/)?.[1];
        if (scheme && !ALLOWED_SCHEMES.has(scheme)) out.push(`${k}="${v}"`);
      }
      if (k === 'class') for (const c of v.split(/\s+/).filter(Boolean)) if (!OUR_CLASSES.test(c)) out.push(`class="${c}"`);
      if ((k === 'id' || k === 'name') && !/^h[1-6]$/.test(e.name) && !v.startsWith('user-content-')) out.push(`${k}="${v}"`);
    }
  }
  return out;
}

const cases: [string, string][] = [
  ['entity-encoded javascript: (decimal, no semicolons)', '<a href="&#106&#97&#118&#97&#115&#99&#114&#105&#112&#116&#58alert(1)">x</a>'],
  ['entity-encoded javascript: (hex, padded)', '<a href="&#x0000006A;avascript:alert(1)">x</a>'],
  ['newline inside the scheme', '<a href="java\nscript:alert(1)">x</a>'],
  ['control character before the scheme', '<a href="\u0001javascript:alert(1)">x</a>'],
  ['Markdown link with angle brackets', '[x](<javascript:alert(1)>)'],
  ['reference-style link', '[x][evil]\n\n[evil]: javascript:alert(1)'],
  ['reference-style image', '![x][evil]\n\n[evil]: data:image/svg+xml,<svg onload=alert(1)>'],
  ['autolink with data:', '<data:text/html,<script>alert(1)</script>>'],
  ['srcset and ping', '<img src="https://e.example/a.png" srcset="javascript:alert(1) 1x"> <a href="https://e.example" ping="https://evil.example">p</a>'],
  ['target and rel from minutes', '<a href="https://e.example" target="_blank" rel="opener">t</a>'],
  ['formaction and autofocus', '<button formaction="javascript:alert(1)" autofocus onfocus="alert(1)">b</button> <input autofocus onfocus=alert(1)>'],
  ['area / map', '<map name="m"><area href="javascript:alert(1)" shape="rect" coords="0,0,10,10"></map><img src="https://e.example/a.png" usemap="#m">'],
  ['svg use / xlink', '<svg><use href="data:image/svg+xml,<svg id=x onload=alert(1)>#x"/></svg> <svg><a xlink:href="javascript:alert(1)"><text>t</text></a></svg>'],
  ['math href', '<math href="javascript:alert(1)"><mi>x</mi></math>'],
  ['video poster and audio', '<video poster="javascript:alert(1)" src="https://e.example/v.mp4"></video><audio src=x onerror=alert(1)></audio>'],
  ['table background', '<table background="javascript:alert(1)"><tr><td background="javascript:alert(1)">c</td></tr></table>'],
  ['plaintext / xmp / listing', '<plaintext><img src=x onerror=alert(1)>\n\n<xmp><img src=x onerror=alert(1)></xmp>\n\n<listing>x</listing>'],
  ['unclosed script swallowing the rest', 'before\n\n<script>\nalert(1)\n\nafter'],
  ['unclosed style swallowing the rest', 'before\n\n<style>\nbody{display:none}\n\nafter'],
  ['noscript mXSS', '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>'],
  ['svg/style mXSS', '<svg></p><style><a id="</style><img src=x onerror=alert(1)>">'],
  ['math/mglyph mXSS', '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>'],
  ['form in a table', '<table><form action="https://evil.example"><tr><td><input name=pw type=password></td></tr></form></table>'],
  ['details ontoggle', '<details open ontoggle="alert(1)"><summary>s</summary>x</details>'],
  ['dialog open', '<dialog open style="position:fixed;inset:0">cover</dialog>'],
  ['marquee handlers', '<marquee onstart="alert(1)">m</marquee>'],
  ['body / html / head tags', '<html><head><title>t</title></head><body onload="alert(1)">b</body></html>'],
  ['class and id clobbering on allowed elements', '<h2 id="site-main" class="site-header">h</h2> <ul class="site-nav"><li id="header-q">x</li></ul> <code class="language-js site-title">c</code>'],
  ['HedgeDoc container title with HTML', ':::info <img src=x onerror=alert(1)> Title\ntext\n:::'],
  ['spoiler summary with HTML', ':::spoiler <script>alert(1)</script>\nhidden\n:::'],
  ['sized image with a handler in the title', '![x](https://e.example/a.png =10x10 "t\\" onerror=\\"alert(1)")'],
  ['footnote with a payload', 'text[^1]\n\n[^1]: <img src=x onerror=alert(1)> note'],
  ['link title breaking out', '[x](https://e.example "\\"><script>alert(1)</script>")'],
  ['CSS @import as text', '@import url(https://evil.example/x.css);\n\n<div style="background:url(javascript:alert(1))">d</div>'],
  ['uppercase and odd-case tags', '<SCRIPT>alert(1)</SCRIPT> <ScRiPt>alert(2)</sCrIpT> <IMG SRC=x ONERROR=alert(3)>'],
  ['slash-separated attributes', '<img/src=x/onerror=alert(1)> <svg/onload=alert(1)>'],
  ['null bytes in a tag', '<scr\u0000ipt>alert(1)</scr\u0000ipt> <img src=x o\u0000nerror=alert(1)>'],
];

describe('sanitizer rules (renderMinutes)', () => {
  it.each(cases)('%s', (_, input) => {
    const html = render(input);
    expect(dangers(html), html).toEqual([]);
  });
});

describe('sanitizer rules (renderMarkdownFragment, used for issue excerpts)', () => {
  it.each(cases)('%s', (_, input) => {
    const html = fragment(input);
    expect(dangers(html), html).toEqual([]);
  });
});

describe('sanitizer schema', () => {
  it('allows only http(s) and mailto URLs', () => {
    expect(sanitizeSchema.protocols?.['href']).toEqual(['http', 'https', 'mailto']);
    expect(sanitizeSchema.protocols?.['src']).toEqual(['http', 'https']);
  });
  it('never allows the dangerous elements or style attributes', () => {
    for (const t of ['script', 'style', 'iframe', 'object', 'embed', 'form', 'meta', 'link', 'base', 'svg', 'math', 'button', 'textarea', 'select']) {
      expect(sanitizeSchema.tagNames, t).not.toContain(t);
    }
    for (const [tag, attrs] of Object.entries(sanitizeSchema.attributes ?? {})) {
      for (const a of attrs) {
        const name = typeof a === 'string' ? a : a[0];
        expect(name.toLowerCase(), `${tag}[${name}]`).not.toMatch(/^on|^style$|^srcdoc$|^formaction$/);
      }
    }
    expect(sanitizeSchema.allowComments).toBe(false);
    expect(sanitizeSchema.clobberPrefix ?? 'user-content-').toBe('user-content-');
  });
  it('keeps the text of what it removes where it is prose', () => {
    expect(render('<div style="position:fixed">This overlay text stays</div>')).toContain('This overlay text stays');
    expect(render('- placeholder <USER onmouseover="alert(1)">')).toContain('&#x3C;USER onmouseover="alert(1)">');
  });
});
