import { describe, expect, it } from 'vitest';
import { matchIssues, normaliseQuery, rankSections } from '../../src/scripts/search.ts';
import type { IssueSearchData } from '../../src/lib/views/issue.ts';

describe('issue references in search queries', () => {
  it.each([
    ['k8s-cluster-api-provider#12', 'k8sclusterapiprovider12'],
    ['SovereignCloudStack/k8s-cluster-api-provider#12', 'sovereigncloudstackk8sclusterapiprovider12'],
    ['https://github.com/SovereignCloudStack/k8s-cluster-api-provider/pull/12#issuecomment-1', 'sovereigncloudstackk8sclusterapiprovider12'],
    ['github.com/SovereignCloudStack/standards/issues/199', 'sovereigncloudstackstandards199'],
  ])('turns %s into the word pagefind makes of it: %s', (q, word) => {
    expect(normaliseQuery(q).query).toBe(word);
  });
  it('leaves other text alone and keeps the references it found', () => {
    const { query, refs } = normaliseQuery('ceph standards#199 quincy');
    expect(query).toBe('ceph standards199 quincy');
    expect(refs).toEqual([{ repo: 'standards', number: 199 }]);
    expect(normaliseQuery('ceph quincy')).toEqual({ query: 'ceph quincy', refs: [] });
    expect(normaliseQuery('C# and #199').refs).toEqual([]);
  });
  const data: IssueSearchData = {
    issues: [
      ['sovereigncloudstack/standards#199', 'Discussed in 4 meetings.'],
      ['sovereigncloudstack/standards#19', 'Discussed in 1 meeting.'],
      ['other/standards#199', 'Discussed in 2 meetings.'],
      ['sovereigncloudstack/k8s-cluster-api-provider#12', 'Discussed in 3 meetings.'],
    ],
  };
  it('finds the issues a reference names: an org-less one in every org that has it', () => {
    expect(matchIssues(data, normaliseQuery('standards#199').refs)).toEqual([
      { key: 'sovereigncloudstack/standards#199', summary: 'Discussed in 4 meetings.' },
      { key: 'other/standards#199', summary: 'Discussed in 2 meetings.' },
    ]);
    expect(matchIssues(data, normaliseQuery('https://github.com/SovereignCloudStack/standards/issues/199').refs).map((m) => m.key)).toEqual(['sovereigncloudstack/standards#199']);
    expect(matchIssues(data, normaliseQuery('K8S-Cluster-API-Provider#12').refs).map((m) => m.key)).toEqual(['sovereigncloudstack/k8s-cluster-api-provider#12']);
  });
  it('finds nothing for an issue the archive does not have, and each issue once', () => {
    expect(matchIssues(data, normaliseQuery('standards#1990').refs)).toEqual([]);
    expect(matchIssues(data, normaliseQuery('nobody/standards#199').refs)).toEqual([]);
    expect(matchIssues(data, normaliseQuery('standards#199 sovereigncloudstack/standards#199').refs).map((m) => m.key)).toEqual(['sovereigncloudstack/standards#199', 'other/standards#199']);
  });
});

describe('choosing the section to show', () => {
  const sub = (title: string, id: string | undefined, n: number) => ({ title, url: `/x/${id ? `#${id}` : ''}`, ...(id ? { anchor: { id } } : {}), excerpt: '', locations: Array<number>(n).fill(0) });
  it('prefers a heading that contains the terms, then the most matches, the page top last', () => {
    const ranked = rankSections([sub('Page', undefined, 9), sub('Housekeeping', 'h', 3), sub('Ceph Upgrade: Pacific -> Quincy', 'ceph', 1), sub('Misc', 'm', 5)], ['ceph', 'quincy']);
    expect(ranked.map((s) => s.title)).toEqual(['Ceph Upgrade: Pacific -> Quincy', 'Misc', 'Housekeeping', 'Page']);
  });
});
