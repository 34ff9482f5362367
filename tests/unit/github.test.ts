import { describe, expect, it } from 'vitest';
import { githubIssueUrl, issueKey, issueRefFromUrl, parseIssueKey, repoOfUrl } from '../../src/lib/github.ts';
import { matchIssues, normaliseQuery } from '../../src/scripts/search.ts';

describe('issueRefFromUrl', () => {
  it.each([
    ['https://github.com/SovereignCloudStack/issues/issues/28', 'sovereigncloudstack/issues#28', 'issues'],
    ['https://github.com/SovereignCloudStack/standards/pull/199', 'sovereigncloudstack/standards#199', 'pull'],
    ['https://github.com/SovereignCloudStack/standards/pull/199/files', 'sovereigncloudstack/standards#199', 'pull'],
    ['https://github.com/SovereignCloudStack/standards/issues/268#issuecomment-1540224051', 'sovereigncloudstack/standards#268', 'issues'],
    ['https://github.com/SovereignCloudStack/docs-page/pull/69:', 'sovereigncloudstack/docs-page#69', 'pull'],
    ['https://github.com/SovereignCloudStack/community/discussions/7.', 'sovereigncloudstack/community#7', 'discussions'],
    ['http://www.github.com/osism/issues/issues/525),', 'osism/issues#525', 'issues'],
    ['<https://github.com/o/r/issues/3>', 'o/r#3', 'issues'],
    ['github.com/o/r/issues/3', 'o/r#3', 'issues'],
    ['https://github.com/SovereignCloudStack/minutes/pull/4', 'sovereigncloudstack/minutes#4', 'pull'],
    ['https://github.com/o/r.git/issues/5', 'o/r#5', 'issues'],
    // Leading zeros: the number, not the digits.
    ['https://github.com/o/r/issues/007', 'o/r#7', 'issues'],
    // Not one issue.
    ['https://github.com/o/r/pulls/12', undefined, undefined],
    ['https://github.com/o/r/pulls', undefined, undefined],
    ['https://github.com/o/r/issues', undefined, undefined],
    ['https://github.com/o/r/issues/0', undefined, undefined],
    ['https://github.com/o/r/issues/12abc', undefined, undefined],
    ['https://github.com/orgs/x/discussions/7', undefined, undefined],
    ['https://github.com/SovereignCloudStack/minutes/blob/main/iaas/20220801.md', undefined, undefined],
    ['https://github.com/SovereignCloudStack/standards', undefined, undefined],
    ['https://gitlab.com/a/b/issues/1', undefined, undefined],
  ])('%s', (url, key, kind) => {
    const ref = issueRefFromUrl(url);
    expect(ref?.key).toBe(key);
    expect(ref?.kind).toBe(kind);
  });
});

describe('issue keys', () => {
  it.each([
    ['SovereignCloudStack/issues#28', { key: 'sovereigncloudstack/issues#28', org: 'sovereigncloudstack', repo: 'issues', number: 28 }],
    ['osism/ciab#17', { key: 'osism/ciab#17', org: 'osism', repo: 'ciab', number: 17 }],
    ['org/.github#3', { key: 'org/.github#3', org: 'org', repo: '.github', number: 3 }],
    ['o/r#007', { key: 'o/r#7', org: 'o', repo: 'r', number: 7 }],
    ['issues#355', undefined],
    ['a/b#x', undefined],
  ])('parseIssueKey(%j)', (key, expected) => expect(parseIssueKey(key)).toEqual(expected));

  it('issueKey is lower-case, without .git', () => {
    expect(issueKey('Org', 'Repo.git', 12)).toBe('org/repo#12');
  });

  it('one key → URL function: /issues/N (GitHub redirects to the pull request or discussion)', () => {
    expect(githubIssueUrl('osism/issues#189')).toBe('https://github.com/osism/issues/issues/189');
    expect(() => githubIssueUrl('not-a-key')).toThrow(/not an issue key/);
  });

  it('repoOfUrl', () => {
    expect(repoOfUrl('https://github.com/Org/Repo/blob/main/x.md')).toEqual({ org: 'org', repo: 'repo' });
    expect(repoOfUrl('https://github.com/orgs/x')).toBeUndefined();
  });
});

describe('the browser search agrees with the parser', () => {
  it.each([
    ['https://github.com/O/R/issues/007', 'or7', [{ org: 'o', repo: 'r', number: 7 }]],
    ['https://github.com/o/r/pull/5/files', 'or5', [{ org: 'o', repo: 'r', number: 5 }]],
    ['o/r#007', 'or7', [{ org: 'o', repo: 'r', number: 7 }]],
    ['r#12', 'r12', [{ repo: 'r', number: 12 }]],
  ])('%s', (query, normalised, refs) => {
    expect(normaliseQuery(query)).toEqual({ query: normalised, refs });
  });

  it('a /pulls/ list URL is no issue reference', () => {
    expect(normaliseQuery('https://github.com/o/r/pulls/12').refs).toEqual([]);
  });

  it('the issue of a reference is found whatever the zeros', () => {
    const data = { issues: [['o/r#7', ''], ['o/r#70', '']] as [string, string][] };
    expect(matchIssues(data, normaliseQuery('o/r#007').refs).map((m) => m.key)).toEqual(['o/r#7']);
    expect(matchIssues(data, normaliseQuery('o/r#70').refs).map((m) => m.key)).toEqual(['o/r#70']);
  });
});
