/**
 * Cache keys for Astro's incremental build (`experimental.incrementalBuild`):
 * a page whose key and code are unchanged since the last build is copied, not
 * rendered again.
 *
 * A page's key is a hash of the props it renders — its view model
 * (src/lib/views) — plus what its layout shows that is no prop (the site
 * origin in canonical URLs). Components show nothing but their props (they
 * never read the archive themselves), and Astro's own hash covers the code,
 * so a page with an unchanged key shows nothing new: a cached page cannot be
 * stale by construction, with no hand-kept list of what each page depends on.
 * tests/build/incremental.test.ts still compares an incremental rebuild with
 * a clean build, file by file.
 */
import { createHash } from 'node:crypto';

/**
 * Key of a page from its props and the non-prop inputs of its layout.
 * Props must be plain JSON data (no Map, Set or Date, whose JSON loses them):
 * tests/unit/views check that every view model survives a JSON round trip.
 */
export function pageKey(props: unknown, context: unknown = null): string {
  return createHash('sha1').update(JSON.stringify([context, props])).digest('base64url');
}
