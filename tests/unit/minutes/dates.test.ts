import { describe, expect, it } from 'vitest';
import { dateFromFrontmatter, dateFromPath, dateFromProse, isDateFolder, isValidDate, monthFromName } from '../../../src/lib/minutes/dates.ts';
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
    ['iaas/2023-5-7.md', { date: '2023-05-07', suffix: '' }],
    ['iaas/2023_05_17_notes.md', { date: '2023-05-17', suffix: 'notes' }],
    ['iaas/20230517 copy.md', { date: '2023-05-17', suffix: 'copy' }],
    ['iaas/202305170.md', undefined],
    ['iaas/2023-05-170.md', undefined],
    // Year folders and year-month folders with month-name files.
    ['meetings/2019/2019-01-08.md', { date: '2019-01-08', suffix: '' }],
    ['meetings/2016-11/nov-29.md', { date: '2016-11-29', suffix: '' }],
    ['meetings/2016-11/dec-1.md', { date: '2016-12-01', suffix: '' }], // a multi-day meeting's folder holds the start month
    ['meetings/2016-12/jan-3.md', { date: '2017-01-03', suffix: '' }], // a December folder holding January of the next year
    ['meetings/2017-09/sept-26.md', { date: '2017-09-26', suffix: '' }],
    ['meetings/2017-09/september-27-day2.md', { date: '2017-09-27', suffix: 'day2' }],
    ['meetings/2018-01/January-24.md', { date: '2018-01-24', suffix: '' }],
    ['meetings/2023/mai-17.md', { date: '2023-05-17', suffix: '' }],
    ['meetings/2016-11/nov-31.md', undefined], // no 31 November
    ['meetings/2016-11/notes-3.md', undefined], // not a month word
    ['notes/dec-1.md', undefined], // a month and day, but no year folder
    ['resources/funding/2023.md', undefined], // a bare year is no meeting date
    ['2023-03-05-gx-hackathon-6/minutes.md', { date: '2023-03-05', suffix: 'gx-hackathon-6' }],
  ])('%s', (source, expected) => {
    expect(dateFromPath(source)).toEqual(expected);
  });

  it.each([
    ['2019', true],
    ['2016-11', true],
    ['2023-03-05-gx-hackathon-6', true],
    ['20230305', true],
    ['2023-13', false],
    ['3000', false],
    ['meetings', false],
    ['2023-Q1', false],
    ['sig-2023', false],
  ])('date folder %s: %s', (name, expected) => {
    expect(isDateFolder(name)).toBe(expected);
  });

  it('rejects impossible calendar dates', () => {
    expect(isValidDate(2024, 2, 29)).toBe(true);
    expect(isValidDate(2023, 2, 29)).toBe(false);
    expect(isValidDate(2202, 12, 5)).toBe(false);
  });
});

describe('dateFromProse', () => {
  it.each([
    ['June 4, 2019', '2019-06-04'],
    ['1 September, 2021', '2021-09-01'],
    ['8th April 2024', '2024-04-08'],
    ['April 01, 2020', '2020-04-01'],
    ['Day One—18 November 2025', '2025-11-18'],
    ['17. Mai 2023', '2023-05-17'],
    ['Vorstandssitzung am 2. März 2023', '2023-03-02'],
    ['Tuesday, Sept. 8, 2020 call', '2020-09-08'],
    ['Jan 9 2024 sync', '2024-01-09'],
    ['the 3rd of March 2021', '2021-03-03'],
    ['Council Meeting 2024-01-09', undefined], // ISO dates are read elsewhere
    ['31 February 2019', undefined],
    ['Budget 2019', undefined],
    ['Version 2 of 2023', undefined],
    ['Room 12 2023', undefined],
    ['Sprint 14, 2023', undefined],
  ])('%s', (text, date) => {
    expect(dateFromProse(text)?.date).toBe(date);
  });

  it('gives the matched text and where it stands, so titles can drop it', () => {
    expect(dateFromProse('Board Meeting — June 4, 2019 (online)')).toEqual({ date: '2019-06-04', text: 'June 4, 2019', index: 16 });
  });

  it.each([
    ['dec', 12],
    ['Sept', 9],
    ['september', 9],
    ['März', 3],
    ['Mai', 5],
    ['ma', undefined],
    ['notes', undefined],
  ])('month name %s', (word, month) => {
    expect(monthFromName(word)).toBe(month);
  });

  it('reads a written frontmatter date only when it is the whole value', () => {
    expect(dateFromFrontmatter('June 4, 2019')).toBe('2019-06-04');
    expect(dateFromFrontmatter('planned for June 4, 2019 or later')).toBeUndefined();
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
      name: 'date written in prose in the first heading',
      source: 'board/kickoff.md',
      text: ['# Board Meeting — June 4, 2019', '', 'Notes'],
      date: '2019-06-04', slug: '2019-06-04', warning: undefined,
    },
    {
      name: 'prose heading date contradicting the file name',
      source: 'board/2022-03-03.md',
      text: ['# Board Meeting — March 10, 2022'],
      date: '2022-03-03', slug: '2022-03-03', warning: { line: 1, message: 'heading says 2022-03-10 but the file name says 2022-03-03' },
    },
    {
      name: 'prose dates only count in the first heading',
      source: 'board/notes.md',
      text: ['# Notes', '## Looking back at June 4, 2019'],
      date: null, slug: 'notes', warning: { message: 'no date found in the file name, folder, frontmatter or headings; the page is named after the file' },
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
