import { createHash } from 'node:crypto';
import { parseDocument } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { redirectPage } from '../../../src/lib/redirect-page.ts';

const find = (doc: ReturnType<typeof parseDocument>, name: string) => {
  const out: { name: string; attribs: Record<string, string>; text: string }[] = [];
  const walk = (n: any) => {
    if (n.name === name) out.push({ name: n.name, attribs: n.attribs, text: (n.children ?? []).map((c: any) => c.data ?? '').join('') });
    (n.children ?? []).forEach(walk);
  };
  walk(doc);
  return out;
};

describe('redirectPage', () => {
  const html = redirectPage({ to: '/iaas/2023-05-17/', title: 'IaaS <b>&</b> "x"', note: 'a <copy>' }, 'https://example.org/minutes/');
  const doc = parseDocument(html);

  it('leads to the page by meta refresh and canonical link, with no index', () => {
    expect(find(doc, 'meta').map((m) => [m.attribs['http-equiv'] ?? m.attribs['name'] ?? 'charset', m.attribs['content'] ?? m.attribs['charset']])).toEqual([
      ['charset', 'utf-8'],
      ['content-security-policy', expect.stringContaining("default-src 'none'")],
      ['robots', 'noindex'],
      ['refresh', '0; url=/iaas/2023-05-17/'],
    ]);
    expect(find(doc, 'link')[0]!.attribs).toEqual({ rel: 'canonical', href: 'https://example.org/iaas/2023-05-17/' });
    expect(find(doc, 'a')[0]!.attribs['href']).toBe('/iaas/2023-05-17/');
  });

  it('escapes the title and the note (they come from minutes)', () => {
    // Read back as text, never as markup.
    expect(find(doc, 'title')[0]!.text).toBe('Redirecting to IaaS <b>&</b> "x"');
    expect(find(doc, 'b')).toEqual([]);
    expect(find(doc, 'copy')).toEqual([]);
    expect(find(doc, 'p').map((p) => p.text)).toContain('a <copy>');
  });

  it('allows exactly its own script by hash', () => {
    const [script] = find(doc, 'script');
    const hash = createHash('sha256').update(script!.text).digest('base64');
    const csp = find(doc, 'meta').find((m) => m.attribs['http-equiv'] === 'content-security-policy')!.attribs['content']!;
    expect(csp).toContain(`script-src 'sha256-${hash}'`);
  });
});
