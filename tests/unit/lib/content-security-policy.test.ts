import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { scriptHash, sitePolicy } from '../../../src/lib/content-security-policy.ts';
import { SITE_POLICY, THEME_BEFORE_PAINT } from '../../../src/layouts/head-scripts.ts';

/** The sources of one directive of a policy, or undefined when it is not there. */
const directive = (policy: string, name: string) =>
  policy
    .split(';')
    .map((d) => d.trim().split(/\s+/))
    .find(([n]) => n === name)
    ?.slice(1);

describe('scriptHash', () => {
  it.each([
    ['', 'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='], // SHA-256 of nothing, as browsers compute it
    ['alert(1)', `sha256-${createHash('sha256').update('alert(1)').digest('base64')}`],
  ])('%j → %s', (body, hash) => {
    expect(scriptHash(body)).toBe(hash);
  });
});

describe('sitePolicy', () => {
  const policy = sitePolicy(['a()', 'b()', 'a()']);

  it('allows scripts from the site and the listed inline scripts only, each hash once', () => {
    expect(directive(policy, 'script-src')).toEqual(["'self'", "'wasm-unsafe-eval'", `'${scriptHash('a()')}'`, `'${scriptHash('b()')}'`]);
  });

  it.each([
    ['default-src', ["'self'"]],
    ['style-src', ["'self'"]], // no <style> from minutes
    ['style-src-attr', ["'unsafe-inline'"]], // bar widths, Shiki
    ['img-src', ["'self'", 'https:']], // no data: URLs
    ['object-src', ["'none'"]],
    ['frame-src', ["'none'"]],
    ['base-uri', ["'self'"]],
    ['form-action', ["'self'"]],
  ])('%s %j', (name, sources) => {
    expect(directive(policy, name)).toEqual(sources);
  });
});

describe('SITE_POLICY', () => {
  it("allows the layout's inline theme script", () => {
    expect(directive(SITE_POLICY, 'script-src')).toContain(`'${scriptHash(THEME_BEFORE_PAINT)}'`);
  });
});
