import { describe, expect, it } from 'vitest';
import { isBareMention, mentionDiscussions } from '../../../src/lib/mention-discussion.ts';

describe('isBareMention', () => {
  it.each([
    ['- https://github.com/SovereignCloudStack/issues/issues/168', true],
    ['* <https://github.com/org/repo/pull/3>', true],
    ['#issue168', false],
    ['- #168', true],
    ['- Issue: standards#199', true],
    ['- [OpenStack Image Manager](https://github.com/org/issues/issues/168)', false],
    ['Image Manager on track, https://github.com/org/issues/issues/168', false],
  ])('%s → %s', (md, bare) => {
    expect(isBareMention(md)).toBe(bare);
  });
});

describe('mentionDiscussions: which mentions show their section', () => {
  const html = '<h3 id="oim">OIM <a href="https://github.com/org/issues/issues/168">link</a></h3><ul><li>on track</li></ul><h3 id="next">Next</h3>';
  it.each([
    [{ excerpt: '- https://github.com/org/issues/issues/168', anchor: 'oim', line: 5 }, '<ul><li>on track</li></ul>'], // bare line
    [{ excerpt: '### OIM [link](https://github.com/org/issues/issues/168)', anchor: 'oim', line: 3 }, '<ul><li>on track</li></ul>'], // the heading's own link
    [{ excerpt: '- on track, see https://github.com/org/issues/issues/168', anchor: 'oim', line: 5 }, undefined], // says something itself
    [{ excerpt: '- https://github.com/org/issues/issues/168', anchor: '', line: 1 }, undefined], // before the first heading
    [{ excerpt: '- https://github.com/org/issues/issues/168', anchor: 'next', line: 9 }, undefined], // an empty section
  ])('%j', (mention, lead) => {
    expect(mentionDiscussions([mention], [{ line: 3 }, { line: 9 }], html, '/m/')[0]?.lead).toBe(lead);
  });
});

describe('mentionDiscussions', () => {
  it('answers for every mention of a meeting, in order, with null where the mention speaks for itself', () => {
    const html = '<h3 id="oim">OIM</h3><p>on track, see <a href="#oim">above</a></p><h3 id="next">Next</h3>';
    const mentions = [
      { excerpt: '- https://github.com/org/issues/issues/168', anchor: 'oim', line: 5 },
      { excerpt: '- on track, see https://github.com/org/issues/issues/168', anchor: 'oim', line: 5 },
      { excerpt: '#12', anchor: '', line: 1 },
    ];
    expect(mentionDiscussions(mentions, [{ line: 3 }, { line: 9 }], html, '/m/')).toEqual([
      { lead: '<p>on track, see <a href="/m/#oim">above</a></p>', rest: '' },
      null,
      null,
    ]);
  });

  it('cuts a section once for all the bare mentions it holds', () => {
    const html = '<h3 id="oim">OIM</h3><p>on track</p>';
    const bare = { excerpt: '- https://github.com/org/issues/issues/168', anchor: 'oim', line: 5 };
    const [a, b] = mentionDiscussions([bare, { ...bare, line: 6 }], [{ line: 3 }], html, '/m/');
    expect(a).toEqual({ lead: '<p>on track</p>', rest: '' });
    expect(b).toBe(a);
  });
});
