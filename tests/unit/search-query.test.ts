import { describe, expect, it } from 'vitest';
import { isIssuePageFor, issueSearchTokens, normaliseQuery, rankSections } from '../../src/scripts/search.ts';

describe('issue references in search queries', () => {
  it('turns every form of reference into the words the issue page carries', () => {
    const tokens = issueSearchTokens('sovereigncloudstack/k8s-cluster-api-provider#12');
    expect(tokens.slice(0, 2)).toEqual(['k8sclusterapiprovider12', 'sovereigncloudstackk8sclusterapiprovider12']);
    expect(normaliseQuery('k8s-cluster-api-provider#12').query).toBe(tokens[0]);
    expect(normaliseQuery('SovereignCloudStack/k8s-cluster-api-provider#12').query).toBe(tokens[1]);
    expect(normaliseQuery('https://github.com/SovereignCloudStack/k8s-cluster-api-provider/pull/12#issuecomment-1').query).toBe(tokens[1]);
    expect(normaliseQuery('github.com/SovereignCloudStack/standards/issues/199').query).toBe('sovereigncloudstackstandards199');
  });
  it('leaves other text alone and keeps the references it found', () => {
    const { query, refs } = normaliseQuery('ceph standards#199 quincy');
    expect(query).toBe('ceph standards199 quincy');
    expect(refs).toEqual([{ repo: 'standards', number: 199 }]);
    expect(normaliseQuery('ceph quincy')).toEqual({ query: 'ceph quincy', refs: [] });
    expect(normaliseQuery('C# and #199').refs).toEqual([]);
  });
  it('recognises the issue page of a reference', () => {
    const refs = normaliseQuery('standards#199').refs;
    expect(isIssuePageFor('/minutes/issues/sovereigncloudstack/standards/199/', refs)).toBe(true);
    expect(isIssuePageFor('/minutes/issues/sovereigncloudstack/standards/19/', refs)).toBe(false);
    expect(isIssuePageFor('/minutes/iaas/2023-05-17/', refs)).toBe(false);
    const full = normaliseQuery('other/standards#199').refs;
    expect(isIssuePageFor('/issues/sovereigncloudstack/standards/199/', full)).toBe(false);
  });
});

describe('choosing the section to show', () => {
  const sub = (title: string, id: string | undefined, n: number) => ({ title, url: `/x/${id ? `#${id}` : ''}`, ...(id ? { anchor: { id } } : {}), excerpt: '', locations: Array<number>(n).fill(0) });
  it('prefers a heading that contains the terms, then the most matches, the page top last', () => {
    const ranked = rankSections([sub('Page', undefined, 9), sub('Housekeeping', 'h', 3), sub('Ceph Upgrade: Pacific -> Quincy', 'ceph', 1), sub('Misc', 'm', 5)], ['ceph', 'quincy']);
    expect(ranked.map((s) => s.title)).toEqual(['Ceph Upgrade: Pacific -> Quincy', 'Misc', 'Housekeeping', 'Page']);
  });
});
