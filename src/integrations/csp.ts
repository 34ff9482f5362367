import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { AstroUserConfig } from 'astro';

/**
 * The site's Content-Security-Policy (Astro's `security.csp`, emitted as a
 * `<meta http-equiv="content-security-policy">` in every page).
 *
 * - Scripts: only from the site itself ('self': Astro's bundled `/_astro/*.js`
 *   and pagefind's `/pagefind/*.js`) and inline scripts whose hash is listed:
 *   the site's own scripts are files (`vite.build.assetsInlineLimit` in
 *   astro.config.mjs); the `<script is:inline>` blocks of the layouts are
 *   hashed here. Anything a minutes file managed to
 *   inject (an inline `<script>`, an `onerror=`, a `javascript:` URL) is
 *   refused by the browser even if it got past the sanitizer.
 *   `'wasm-unsafe-eval'` lets pagefind compile its WebAssembly (it allows no
 *   JavaScript eval).
 * - Styles: 'self' (the site's stylesheets are files: `build.inlineStylesheets:
 *   'never'`; Astro would hash any `<style>` it inlined), so a `<style>` from
 *   minutes does not apply. Style *attributes* stay allowed
 *   (`style-src-attr 'unsafe-inline'`): the site sets bar widths with them and
 *   the about page's code highlighting (Shiki) uses them; they cannot run
 *   script, and the sanitizer removes every `style=` from minutes.
 * - Images: the site, and remote https images (minutes link to HedgeDoc
 *   uploads and GitHub); no `data:` (the sanitizer drops them too).
 * - No plugins, no frames, no `<base>` from elsewhere, forms submit to the site.
 *   (`frame-ancestors` cannot be set from a `<meta>`; set it as a header on the host if needed.)
 */
type CspConfig = Exclude<NonNullable<NonNullable<AstroUserConfig['security']>['csp']>, boolean>;

export function cspConfig(root: string, inlineScriptFiles: string[] = ['src/layouts/Base.astro']): CspConfig {
  return {
    algorithm: 'SHA-256' as const,
    directives: [
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
    ],
    scriptDirective: {
      resources: ["'self'", "'wasm-unsafe-eval'"],
      hashes: inlineScriptHashes(root, inlineScriptFiles),
    },
    styleDirective: {
      resources: [
        { resource: "'self'", kind: 'element' as const },
        { resource: "'unsafe-inline'", kind: 'attribute' as const },
      ],
    },
  };
}

type Sha256 = `sha256-${string}`;

/** SHA-256 hashes (CSP form) of every `<script is:inline>` body in the given .astro files; Astro emits those bodies verbatim. */
export function inlineScriptHashes(root: string, files: string[]): Sha256[] {
  const hashes = new Set<Sha256>();
  for (const file of files) {
    let source: string;
    try {
      source = readFileSync(path.resolve(root, file), 'utf8');
    } catch {
      continue;
    }
    for (const m of source.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
      const attrs = m[1] ?? '';
      if (!/\bis:inline\b/.test(attrs) || /\bsrc=/.test(attrs)) continue;
      hashes.add(`sha256-${createHash('sha256').update(m[2] ?? '', 'utf8').digest('base64')}`);
    }
  }
  return [...hashes];
}
