import { describe, expect, it } from 'vitest';
import { dateFromPath, isValidDate } from '../../../src/lib/minutes/dates.ts';
import { parse } from './helpers.ts';

describe('dateFromPath', () => {
  it.each([
    ['iaas/20230517.md', { date: '2023-05-17', suffix: '' }],
    ['sig-release/2023-09-14.md', { date: '2023-09-14', suffix: '' }],
    ['container/20220718-overflow.md', { date: '2022-07-18', suffix: 'overflow' }],
    ['ops/20240614-postmortem-zuul-incident.md', { date: '2024-06-14', suffix: 'postmortem-zuul-incident' }],
    ['community-call/20230831-slides.md', { date: '2023-08-31', suffix: 'slides' }],
    ['x/2023-03-05-gx-hackathon-6/minutes.md', { date: '2023-03-05', suffix: 'gx-hackathon-6' }],
    ['x/2023-03-05-gx-hackathon-6/notes-day2.md', { date: '2023-03-05', suffix: 'gx-hackathon-6-notes-day2' }],
    ['sig-standardization/scs-certification-issuing.md', undefined],
    ['iaas/20231305.md', undefined], // month 13
    ['iaas/22021205.md', undefined], // impossible year
    ['iaas/20230230.md', undefined], // 30 February
    ['iaas/2023-0517.md', undefined], // mixed separators
  ])('%s', (source, expected) => {
    expect(dateFromPath(source)).toEqual(expected);
  });

  it('rejects impossible calendar dates', () => {
    expect(isValidDate(2024, 2, 29)).toBe(true);
    expect(isValidDate(2023, 2, 29)).toBe(false);
    expect(isValidDate(2202, 12, 5)).toBe(false);
  });
});

describe('meeting date, slug and warnings', () => {
  it.each([
    {
      name: 'file name',
      source: 'iaas/20230517.md',
      text: ['# 2023-05-17', 'x'],
      date: '2023-05-17', slug: '2023-05-17', warning: undefined,
    },
    {
      name: 'suffix kept in the slug',
      source: 'container/20220718-overflow.md',
      text: ['Some text'],
      date: '2022-07-18', slug: '2022-07-18-overflow', warning: undefined,
    },
    {
      name: 'file name wins over a copied heading, with a warning and its line',
      source: 'community-call/20230216.md',
      text: ['', '# SCS Tech Weekly 2023-02-02'],
      date: '2023-02-16', slug: '2023-02-16', warning: { line: 2, message: 'heading says 2023-02-02 but the file name says 2023-02-16' },
    },
    {
      name: 'impossible heading date is no date',
      source: 'sig-markt/20221208.md',
      text: ['# Minutes 2202-12-05'],
      date: '2022-12-08', slug: '2022-12-08', warning: { line: 1, message: 'heading date 2202-12-05 is not a valid date; ignored' },
    },
    {
      name: 'date from the first dated heading when the file name has none',
      source: 'iaas/kickoff.md',
      text: ['# Kickoff', '## 2023-01-04 Agenda'],
      date: '2023-01-04', slug: '2023-01-04', warning: undefined,
    },
    {
      name: 'date from a plain dated first line',
      source: 'iaas/notes.md',
      text: ['2022-10-10', '', '### Storage'],
      date: '2022-10-10', slug: '2022-10-10', warning: undefined,
    },
    {
      name: 'dated parent folder',
      source: 'events/2023-03-05-gx-hackathon-6/minutes.md',
      text: ['# Hackathon'],
      date: '2023-03-05', slug: '2023-03-05-gx-hackathon-6', warning: undefined,
    },
    {
      name: 'frontmatter date overrides the file name (documented correction)',
      source: 'iaas/20230320.md',
      text: ['---', 'date: 2024-03-20', '---', '# 2024-03-20'],
      date: '2024-03-20', slug: '2024-03-20', warning: undefined,
    },
    {
      name: 'no date anywhere',
      source: 'sig-standardization/SCS Certification_issuing.md',
      text: ['# Certification issuing'],
      date: null, slug: 'scs-certification-issuing', warning: { message: 'no date found in the file name, folder, frontmatter or headings; the page is named after the file' },
    },
  ])('$name', ({ source, text, date, slug, warning }) => {
    const { meeting } = parse(text, source);
    expect(meeting.date).toBe(date);
    expect(meeting.slug).toBe(slug);
    expect(meeting.id).toBe(`${source.split('/')[0]}/${slug}`);
    if (warning) expect(meeting.warnings).toContainEqual(warning);
    else expect(meeting.warnings).toEqual([]);
  });
});
