import { describe, expect, it } from 'vitest';
import type { Heading as MdHeading } from 'mdast';
import { parseMinutes } from '../../../src/lib/minutes/parse.ts';
import { DEFAULT_CONFIG } from '../../../src/lib/config.ts';
import { parse } from './helpers.ts';

describe('frontmatter', () => {
  it.each([
    {
      name: 'plain frontmatter, body lines keep their numbers',
      text: ['---', 'title: SCS Community Call', 'type: slide', '---', '# Team IaaS'],
      data: { title: 'SCS Community Call', type: 'slide' }, slides: true, headingLine: 5, warning: undefined,
    },
    {
      name: 'blank lines before the opening ---',
      text: ['', '', '---', 'title: SCS Community Call', '---', '', '# Team IaaS'],
      data: { title: 'SCS Community Call' }, slides: false, headingLine: 7, warning: undefined,
    },
    {
      name: 'invalid YAML: warning with its line, the body still parses',
      text: ['---', 'title: a', 'foo: bar: baz', '---', '# Team IaaS'],
      data: {}, slides: false, headingLine: 5, warning: 3,
    },
    {
      name: 'a leading slide separator is not frontmatter',
      text: ['---', '# Slide one', '---', '# Slide two'],
      data: {}, slides: false, headingLine: 2, warning: undefined,
    },
  ])('$name', ({ text, data, slides, headingLine, warning }) => {
    const { meeting } = parse(text, 'community-call/20230914.md');
    expect(meeting.frontmatter).toEqual(data);
    expect(meeting.isSlides).toBe(slides);
    expect(meeting.headings[0]?.line).toBe(headingLine);
    if (warning) expect(meeting.warnings.find((w) => /YAML/.test(w.message))?.line).toBe(warning);
    else expect(meeting.warnings.filter((w) => /YAML|frontmatter/.test(w.message))).toEqual([]);
  });

  it('frontmatter participants replace the body list', () => {
    const { meeting } = parse(['---', 'participants: [JuanPTM, "@garloff", Kurt Garloff]', '---', '## Participants', '- @other']);
    expect(meeting.participants.map((p) => p.key)).toEqual(['juanptm', 'garloff', 'kurt garloff']);
  });
});

describe('encoding', () => {
  it.each([
    ['BOM', '\uFEFF# 2023-05-17\n## Participants\n- @a\n'],
    ['CRLF', '# 2023-05-17\r\n## Participants\r\n- @a\r\n'],
    ['CR', '# 2023-05-17\r## Participants\r- @a\r'],
  ])('%s', (_name, text) => {
    const { meeting } = parse(text);
    expect(meeting.headings.map((h) => [h.text, h.line])).toEqual([['2023-05-17', 1], ['Participants', 2]]);
    expect(meeting.participants.map((p) => p.key)).toEqual(['a']);
  });
});

describe('title', () => {
  it.each([
    { source: 'iaas/20220801.md', text: ['# 2022-08-01 IaaS layout discussion'], title: 'IaaS layout discussion' },
    { source: 'iaas/20230517.md', text: ['# 2023-05-17', '## Participants'], title: 'IaaS 2023-05-17' },
    { source: 'community-call/20230202.md', text: ['# SCS Tech Weekly 2023-02-02'], title: 'SCS Tech Weekly' },
    { source: 'container/20250128.md', text: ['## Cluster Stacks Meeting - 2025-01-28'], title: 'Cluster Stacks Meeting' },
    { source: 'community-call/20230914.md', text: ['---', 'title: SCS Community Call', 'type: slide', '---', '# <font color="red">Sovereign</font> Cloud Stack'], title: 'SCS Community Call 2023-09-14' },
    { source: 'community-call/20230831-slides.md', text: ['---', 'title: SCS Community Call', '---'], title: 'SCS Community Call 2023-08-31 (slides)' },
    { source: 'container/20220718-overflow.md', text: ['Presentation from Syself.'], title: 'Container 2022-07-18 (overflow)' },
    { source: 'ops/20230727.md', text: ['# 2023-07-27 ## Participants (use of github handle is preferred)', '- @a'], title: 'OPS 2023-07-27' },
    { source: 'sig-markt/20221208.md', text: ['# Minutes 2202-12-05'], title: 'SIG Markt 2022-12-08' },
    { source: 'container/20240101.md', text: ['## :family: Participants (GitHub handles preferred)', '- @a'], title: 'Container 2024-01-01' },
    { source: 'community-call/20240725.md', text: ['## <font color="#fff">Community Call</br> 2024-07-25</font>'], title: 'Community Call' },
    { source: 'board/kickoff.md', text: ['# Board Meeting — June 4, 2019'], title: 'Board Meeting' },
    { source: 'board/retreat.md', text: ['# Day One—18 November 2025'], title: 'Day One' },
    { source: 'vorstand/mai.md', text: ['# Vorstandssitzung 17. Mai 2023'], title: 'Vorstandssitzung' },
    { source: 'meetings/2024/2024-01-09.md', text: ['# OpenJS Foundation Cross Project Council Meeting 2024-01-09'], title: 'OpenJS Foundation Cross Project Council Meeting' },
  ])('$source: $title', ({ source, text, title }) => {
    expect(parse(text, source).meeting.title).toBe(title);
  });

  it.each([
    // The title is the heading: the page shows it once.
    { text: ['# Council Meeting 2024-01-09', '## Present'], titleSource: 'heading', titleHeading: 'council-meeting-2024-01-09' },
    // A second heading glued onto the line says more than the title: the heading stays.
    { text: ['# Council 2024-01-09 ## Participants', '- @a'], titleSource: 'heading', titleHeading: undefined },
    // A label only: the title is made from the series and the date.
    { text: ['# 2024-01-09', '## Present'], titleSource: 'series', titleHeading: undefined },
    { text: ['---', 'title: Council', '---', '# Council 2024-01-09'], titleSource: 'frontmatter', titleHeading: undefined },
  ])('title source of $text.0', ({ text, titleSource, titleHeading }) => {
    const { meeting } = parse(text, 'council/20240109.md');
    expect(meeting.titleSource).toBe(titleSource);
    expect(meeting.titleHeading).toBe(titleHeading);
  });
});

describe('headings and anchors', () => {
  it('uses GitHub slugs, numbers repeats and sets hProperties.id on the tree', () => {
    const { meeting, tree } = parse([
      '# 2023-05-17',
      '## :family: Participants (GitHub handles preferred)',
      '### Sprint Review & Planning',
      '### <font color="red">Team</font> **IaaS**',
      '### Agenda',
      '### Agenda',
      'Setext',
      '======',
      '##Agenda',
    ]);
    expect(meeting.headings).toEqual([
      { depth: 1, text: '2023-05-17', anchor: '2023-05-17', line: 1 },
      { depth: 2, text: 'Participants (GitHub handles preferred)', anchor: '-participants-github-handles-preferred', line: 2 },
      { depth: 3, text: 'Sprint Review & Planning', anchor: 'sprint-review--planning', line: 3 },
      { depth: 3, text: 'Team IaaS', anchor: 'team-iaas', line: 4 },
      { depth: 3, text: 'Agenda', anchor: 'agenda', line: 5 },
      { depth: 3, text: 'Agenda', anchor: 'agenda-1', line: 6 },
      { depth: 1, text: 'Setext', anchor: 'setext', line: 7 },
      // `##Agenda` is repaired to a heading by normalizeSource.
      { depth: 2, text: 'Agenda', anchor: 'agenda-2', line: 9 },
    ]);
    const ids = tree.children.filter((n): n is MdHeading => n.type === 'heading').map((n) => (n.data as { hProperties?: { id?: string } }).hProperties?.id);
    expect(ids).toEqual(meeting.headings.map((h) => h.anchor));
  });
});

describe('robustness', () => {
  it.each([
    ['empty file', ''],
    ['only frontmatter', '---\ntitle: x\n---\n'],
    ['binary junk', '\u0000\u0001\uFFFD<<<<>>>>{{{'],
    ['unclosed everything', '<div>\n```\n[link(\n* * *\n<!--'],
  ])('still makes the meeting: %s', (_name, text) => {
    expect(parse(text).meeting.id).toBe('iaas/2023-05-17');
  });

  it('turns an exception into a warning and keeps the rest', () => {
    const config = { ...DEFAULT_CONFIG, get defaultRepos(): Record<string, string> { throw new Error('boom'); } };
    const { meeting } = parseMinutes({ source: 'iaas/20230517.md', text: '# 2023-05-17\n## Participants\n- @a\n\nsee #5', config });
    expect(meeting.participants.map((p) => p.key)).toEqual(['a']);
    expect(meeting.warnings.some((w) => /boom/.test(w.message))).toBe(true);
  });
});

describe('empty files', () => {
  it.each(['', '\n\n', ' \t\r\n'])('warns on %j and still makes a meeting', (text) => {
    const { meeting } = parseMinutes({ source: 'iaas/20240101.md', text, config: DEFAULT_CONFIG });
    expect(meeting.id).toBe('iaas/2024-01-01');
    expect(meeting.warnings).toContainEqual({ line: 1, message: 'empty file: the page has no minutes' });
  });
});
