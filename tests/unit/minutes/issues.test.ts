import { describe, expect, it } from 'vitest';
import { parse } from './helpers.ts';

const keysOf = (lines: string[], source = 'iaas/20230517.md', defaultRepos: Record<string, string> = {}) =>
  [...new Set(parse(lines, source, { defaultRepos }).meeting.issues.map((i) => i.key))].sort();

const SCS = 'https://github.com/SovereignCloudStack';

describe('issue references', () => {
  it.each([
    { name: 'markdown link: the URL wins over its text', lines: [`- [#597](${SCS}/issues/issues/596)`], keys: ['sovereigncloudstack/issues#596'] },
    { name: 'autolink and bare URL', lines: [`- <${SCS}/standards/pull/5>`, `- see ${SCS}/Standards/issues/6.`], keys: ['sovereigncloudstack/standards#5', 'sovereigncloudstack/standards#6'] },
    { name: 'raw <a href>', lines: [`Presented by <a href="${SCS}/issues/issues/7">this</a>`], keys: ['sovereigncloudstack/issues#7'] },
    { name: 'issue and pull of one number are one key', lines: [`- ${SCS}/standards/issues/8`, `- ${SCS}/standards/pull/8`], keys: ['sovereigncloudstack/standards#8'] },
    { name: 'org/repo#N shorthand', lines: ['- osism/issues#189', '- osism/CiaB/#17'], keys: ['osism/ciab#17', 'osism/issues#189'] },
    { name: 'repo#N with the org from a link in the file', lines: [`- [x](${SCS}/standards/issues/1)`, '- standards/#580 and standards#581'], keys: ['sovereigncloudstack/standards#1', 'sovereigncloudstack/standards#580', 'sovereigncloudstack/standards#581'] },
    { name: 'unknown repo gets the only linked org', lines: [`- [x](${SCS}/standards/issues/1)`, '- issues/#355'], keys: ['sovereigncloudstack/issues#355', 'sovereigncloudstack/standards#1'] },
    { name: 'org initials: SCS/issues/#90', lines: [`- [x](${SCS}/standards/issues/1)`, '#### Air-gap SCS/issues/#90'], keys: ['sovereigncloudstack/issues#90', 'sovereigncloudstack/standards#1'] },
    { name: 'repo/PR#N', lines: [`- [x](${SCS}/release-notes/issues/1)`, '- release notes (release-notes/PR#5)'], keys: ['sovereigncloudstack/release-notes#1', 'sovereigncloudstack/release-notes#5'] },
    { name: 'shorthand without any org stays plain', lines: ['- issues/#355'], keys: [] },
    { name: 'bare #N from the first line under its heading', lines: ['#### Validations #28', '', `${SCS}/issues/issues/28`, 'text'], keys: ['sovereigncloudstack/issues#28'] },
    { name: 'bare #N: heading link says another repo', lines: ['#### Stabilize the SSD flavor decision. #199', `${SCS}/standards/pull/199`], keys: ['sovereigncloudstack/standards#199'] },
    { name: 'bare #N from a link in the same item', lines: [`- PR#150 and [this](${SCS}/standards/pull/149)`], keys: ['sovereigncloudstack/standards#149', 'sovereigncloudstack/standards#150'] },
    { name: 'range #300/#302 next to shorthand', lines: ['- issues/#166, #167/#168', `- [x](${SCS}/issues/issues/1)`], keys: ['sovereigncloudstack/issues#1', 'sovereigncloudstack/issues#166', 'sovereigncloudstack/issues#167', 'sovereigncloudstack/issues#168'] },
    { name: 'bare #N without context stays plain', lines: ['- #319 merged!', '- issue #396'], keys: [] },
    { name: 'bare #N with a default repo', lines: ['- #319 merged!'], keys: ['sovereigncloudstack/issues#319'], defaultRepos: { iaas: 'SovereignCloudStack/issues' } },
    { name: 'bare #N ambiguous in its item', lines: [`- #5 [a](${SCS}/a/issues/1) [b](${SCS}/b/issues/2)`], keys: ['sovereigncloudstack/a#1', 'sovereigncloudstack/b#2'] },
    { name: 'ordinals are not issues', lines: [`- [x](${SCS}/issues/issues/1)`, '- Hackathon #5, ALASCA Tech Talk #13', '# GXFS Workshop \\#5'], keys: ['sovereigncloudstack/issues#1'] },
    { name: '# inside URLs and code is not an issue', lines: [`- [x](${SCS}/issues/issues/1) https://matrix.to/#/!room:matrix.org`, '- `#2`', '```', '#3', '```'], keys: ['sovereigncloudstack/issues#1'] },
    { name: 'links into the minutes repo are not issues', lines: [`- ${SCS}/minutes/blob/main/iaas/20220801.md`, `- ${SCS}/minutes/tree/main/iaas`], keys: [] },
    { name: 'HTML comments are skipped', lines: [`<!-- ${SCS}/issues/issues/9 -->`], keys: [] },
    { name: 'bare #N in a sub-item: the parent item names the repo', lines: [`- Loader, see ${SCS}/plugins/pull/7`, '  - follow-up #8'], keys: ['sovereigncloudstack/plugins#7', 'sovereigncloudstack/plugins#8'] },
    { name: 'bare #N in a sub-item: the parent names the repo as shorthand', lines: ['- Docs in osism/docs#3', '  - #5 is a duplicate'], keys: ['osism/docs#3', 'osism/docs#5'] },
    { name: 'bare #N in a sub-sub-item: the grandparent names it', lines: [`- [repo](${SCS}/builder)`, '  - caching', '    - #41 merged'], keys: ['sovereigncloudstack/builder#41'] },
    { name: 'bare #N: the section heading links the repo', lines: [`## [builder](${SCS}/builder)`, '- caching', '  - #44 still open'], keys: ['sovereigncloudstack/builder#44'] },
    { name: 'bare #N: the section heading writes org/repo', lines: ['### example-org/cli', '* Flag parsing', '  * #17 was merged'], keys: ['example-org/cli#17'] },
    { name: 'bare #N in a paragraph: the section heading writes org/repo', lines: ['### example-org/cli', 'Merged #17 this week.'], keys: ['example-org/cli#17'] },
    { name: 'bare #N: the nearest item names two repos', lines: [`- [a](${SCS}/a) and [b](${SCS}/b)`, '  - #9 fixed'], keys: [] },
    { name: 'a #N that is part of a name', lines: [`## [builder](${SCS}/builder)`, '- GX-Hackathon #5 recap', '- Tech-Talk #2'], keys: [] },
  ])('$name', ({ lines, keys, defaultRepos }) => {
    expect(keysOf(lines, 'iaas/20230517.md', defaultRepos)).toEqual(keys);
  });

  it('records line, section anchor and the item excerpt without children', () => {
    const { meeting } = parse([
      '# 2023-05-17',
      '### Sprint',
      '- Polling issue [#320](https://github.com/SovereignCloudStack/issues/issues/320) still WIP,',
      '  needs review',
      '    - nested child',
      '',
      'A paragraph about',
      'osism/issues#525.',
    ]);
    expect(meeting.issues).toEqual([
      { key: 'sovereigncloudstack/issues#320', line: 3, anchor: 'sprint', excerpt: 'Polling issue [#320](https://github.com/SovereignCloudStack/issues/issues/320) still WIP,\nneeds review' },
      { key: 'osism/issues#525', line: 8, anchor: 'sprint', excerpt: 'A paragraph about\nosism/issues#525.' },
    ]);
  });

  it('one mention per key and section when the heading repeats the body', () => {
    const { meeting } = parse(['#### Validations #28', `${SCS}/issues/issues/28`, 'Mostly done.']);
    expect(meeting.issues).toEqual([{ key: 'sovereigncloudstack/issues#28', line: 2, anchor: 'validations-28', excerpt: `${SCS}/issues/issues/28\nMostly done.` }]);
  });
});
