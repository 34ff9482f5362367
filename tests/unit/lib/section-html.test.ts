import { describe, expect, it } from 'vitest';
import { LEAD_CHARS, sectionExcerpts, splitAfterHeadings } from '../../../src/lib/section-html.ts';

const html = [
  '<h1 id="2023-05-17">2023-05-17</h1>',
  '<h2 id="agenda">Agenda</h2>',
  '<h3 id="ceph">Ceph <a class="heading-anchor" href="#ceph">#</a></h3>',
  '<ul><li>upgrade <a href="#agenda">see agenda</a><sup><a href="#user-content-fn-1" id="user-content-fnref-1">1</a></sup></li></ul>',
  '<h4 id="ceph-details">Details</h4>',
  '<p>more on ceph</p>',
  '<h3 id="airgap">AirGap</h3>',
  '<p>mirrors</p>',
  '<h2 id="aob">AOB</h2>',
  '<ul><li><h3 id="nested">Nested</h3><p>in a list</p></li><li>second</li></ul>',
].join('\n');

describe('sectionExcerpts', () => {
  const got = sectionExcerpts(html, ['ceph', 'airgap', 'nested', 'missing'], '/iaas/2023-05-17/');

  it.each([
    ['ceph', '<ul><li>upgrade <a href="/iaas/2023-05-17/#agenda">see agenda</a><sup><a href="/iaas/2023-05-17/#user-content-fn-1">1</a></sup></li></ul><h4>Details</h4><p>more on ceph</p>'],
    ['airgap', '<p>mirrors</p>'],
    ['nested', '<p>in a list</p><li>second</li>'],
  ])('%s: up to the next heading of its level, ids dropped, in-page links into the meeting', (anchor, body) => {
    expect(got.get(anchor)).toEqual({ lead: body, rest: '' });
  });

  it('skips headings that are not there', () => {
    expect(got.has('missing')).toBe(false);
  });

  it('puts what follows about LEAD_CHARS characters behind "more", whole blocks only', () => {
    const para = (n: number) => `<p>${'x'.repeat(n)}</p>`;
    const long = `<h2 id="a">A</h2>${para(LEAD_CHARS - 100)}${para(200)}${para(LEAD_CHARS)}<h2 id="b">B</h2>`;
    const { lead, rest } = sectionExcerpts(long, ['a'], '/m/').get('a')!;
    expect([lead, rest]).toEqual([para(LEAD_CHARS - 100) + para(200), para(LEAD_CHARS)]);
    // a short tail stays in the lead
    const short = `<h2 id="a">A</h2>${para(LEAD_CHARS + 10)}${para(20)}`;
    expect(sectionExcerpts(short, ['a'], '/m/').get('a')!.rest).toBe('');
  });
});

describe('splitAfterHeadings', () => {
  it.each([
    [['airgap', 'ceph'], ['ceph', 'airgap', undefined]],
    [['nested'], ['nested', undefined]],
    [['missing'], [undefined]],
    [[], [undefined]],
  ])('%j', (anchors, afters) => {
    const parts = splitAfterHeadings(html, anchors);
    expect(parts.map((p) => p.after)).toEqual(afters);
    expect(parts.map((p) => p.html).join('')).toBe(html);
    for (const p of parts) if (p.after) expect(p.html).toMatch(/<\/h\d>$/);
  });
});
