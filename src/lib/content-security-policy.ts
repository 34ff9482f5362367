import { createHash } from 'node:crypto';

/**
 * The site's Content-Security-Policy, one `<meta http-equiv>` in every page
 * (src/layouts/Base.astro). The policy is the same on every page, so it is
 * built once per build here rather than by Astro's `security.csp`, which
 * hashed each page's script and style elements again for each of ~2,100
 * pages (~0.25 s of a cold SCS build, A B A B).
 *
 * - Scripts: only from the site itself ('self': Astro's bundled `/_astro/*.js`
 *   and pagefind's `/pagefind/*.js`) and the inline scripts whose hash is
 *   listed (the layout's own; the site's other scripts are files, see
 *   `vite.build.assetsInlineLimit` in astro.config.mjs). Anything a minutes
 *   file managed to inject (an inline `<script>`, an `onerror=`, a
 *   `javascript:` URL) is refused by the browser even if it got past the
 *   sanitizer. `'wasm-unsafe-eval'` lets pagefind compile its WebAssembly (it
 *   allows no JavaScript eval).
 * - Styles: 'self' (the site's stylesheets are files: `build.inlineStylesheets:
 *   'never'`), so a `<style>` from minutes does not apply. Style *attributes*
 *   stay allowed (`style-src-attr 'unsafe-inline'`): the site sets bar widths
 *   with them and the about page's code highlighting (Shiki) uses them; they
 *   cannot run script, and the sanitizer removes every `style=` from minutes.
 * - Images: the site, and remote https images (minutes link to HedgeDoc
 *   uploads and GitHub); no `data:` (the sanitizer drops them too).
 * - No plugins, no frames, no `<base>` from elsewhere, forms submit to the site.
 *   (`frame-ancestors` cannot be set from a `<meta>`; set it as a header on the host if needed.)
 */
export function sitePolicy(inlineScripts: readonly string[]): string {
  const hashes = [...new Set(inlineScripts.map(scriptHash))].map((h) => `'${h}'`);
  return [
    "default-src 'self'",
    "img-src 'self' https:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "frame-src 'none'",
    "worker-src 'self'",
    "base-uri 'self'",
    "form-action 'self'",
    "manifest-src 'self'",
    ["script-src 'self' 'wasm-unsafe-eval'", ...hashes].join(' '),
    "style-src 'self'",
    "style-src-attr 'unsafe-inline'",
  ].join('; ');
}

/** The CSP source (`sha256-…`) that allows an inline `<script>` with exactly this body. */
export function scriptHash(body: string): `sha256-${string}` {
  return `sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}`;
}
