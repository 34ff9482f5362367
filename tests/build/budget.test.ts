import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';

// Pages are static HTML; scripts only where they add something. Budget: ≤ 30 KB of JS per meeting page.
const site = inject('sites').sample;

/** Bytes of JS a page loads: inline module scripts plus /_astro/ modules and their static imports. */
function scriptBytes(htmlFile: string): number {
  const html = readFileSync(htmlFile, 'utf8');
  const seen = new Set<string>();
  let bytes = 0;
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(file, 'utf8');
    bytes += statSync(file).size;
    for (const [, spec] of code.matchAll(/(?:^|[;}\s])import\s*(?:[^'"`;]*?from\s*)?["'`](\.\/[^"'`]+)["'`]/g)) visit(path.join(path.dirname(file), spec!));
  };
  for (const [, src] of html.matchAll(/<script[^>]*\ssrc="\/minutes\/(_astro\/[^"]+)"/g)) visit(path.join(site.outDir, src!));
  for (const [, body] of html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)) {
    bytes += Buffer.byteLength(body!);
    for (const [, spec] of body!.matchAll(/["'`]\/minutes\/(_astro\/[^"'`]+\.js)["'`]/g)) visit(path.join(site.outDir, spec!));
  }
  return bytes;
}

describe('JavaScript budget', () => {
  it('ships at most 30 KB of JS on a meeting page (search index excluded)', () => {
    const bytes = scriptBytes(path.join(site.outDir, 'iaas/2024-01-17/index.html'));
    expect(bytes).toBeGreaterThan(0);
    expect(bytes).toBeLessThanOrEqual(30 * 1024);
  });
});
