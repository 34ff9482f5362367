/**
 * The HTML of a static redirect that works on any host: meta refresh, a
 * canonical link, and a small script that keeps the `#anchor` (meta refresh
 * drops it, and links to sections must survive). Plain text, no layout: the
 * build writes ~560 of these on the SCS archive in one pass
 * (src/integrations/bulk-files.ts) instead of rendering each as an Astro page.
 */
import { scriptHash } from './content-security-policy.ts';

/** A redirect page: where it leads, the title of that page, and why (a dated copy of the file). */
export interface RedirectProps {
  to: string;
  title: string;
  /** Why this URL leads elsewhere (a copied file), shown in the page. */
  note?: string | undefined;
}

const KEEP_ANCHOR = `const link=document.querySelector('link[rel=canonical]');if(link)location.replace(new URL(link.href).pathname+location.search+location.hash);`;

/** The page may run only its own script (the site's policy would allow more than a redirect needs). */
const CSP = `default-src 'none'; script-src '${scriptHash(KEEP_ANCHOR)}'; base-uri 'none'; form-action 'none'`;

const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttr = (s: string) => escapeText(s).replace(/"/g, '&quot;');

/** The redirect page for `props`; `site` makes the canonical URL absolute. */
export function redirectPage({ to, title, note }: RedirectProps, site: URL | string | undefined): string {
  const canonical = new URL(to, site ?? 'http://localhost').href;
  return [
    '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">',
    `<meta http-equiv="content-security-policy" content="${CSP}">`,
    `<title>Redirecting to ${escapeText(title)}</title>`,
    `<link rel="canonical" href="${escapeAttr(canonical)}">`,
    '<meta name="robots" content="noindex">',
    `<meta http-equiv="refresh" content="0; url=${escapeAttr(to)}">`,
    `<script>${KEEP_ANCHOR}</script>`,
    '</head><body>',
    note ? `<p>${escapeText(note)}</p>` : '',
    `<p>This page has moved to <a href="${escapeAttr(to)}">${escapeText(title)}</a>.</p>`,
    '</body></html>\n',
  ].join('');
}
