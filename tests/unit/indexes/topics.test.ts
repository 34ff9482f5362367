import { describe, expect, it } from 'vitest';
import {
  buildTopicIndex,
  closeWording,
  displayHeading,
  headingWords,
  normalizeHeading,
  structuralHeadings,
  topicSlug,
} from '../../../src/lib/indexes/topics.ts';
import type { Heading, Meeting } from '../../../src/lib/minutes/types.ts';
import { makeMeeting } from './make-meeting.ts';

describe('normalizeHeading', () => {
  it.each([
    ['Ceph Upgrade: Pacific -> Quincy #535', 'ceph upgrade pacific quincy'],
    ['Ceph Upgrade: Pacific -> Quincy', 'ceph upgrade pacific quincy'],
    ['OvS upgrade feedback (@flyersa) (#428)', 'ovs upgrade feedback'],
    ['Split flavor naming standards/#267, PR 319', 'split flavor naming pr 319'],
    ['Proceeding (https://github.com/org/issues/issues/181)', 'proceeding'],
    ['2023-05-17', ''],
    ['Meeting 17.05.2023 🚀', 'meeting'],
    ['1.1. OpenStack Image Manager', 'openstack image manager'],
    ['Release 5.2.0 still on track?', 'release 5.2.0 still on track'],
    ['Übergabe @someone', 'übergabe'],
  ])('%s → %s', (text, form) => {
    expect(normalizeHeading(text)).toBe(form);
  });
});

describe('headingWords / displayHeading / topicSlug', () => {
  it.each([
    ['sprint review and planning', ['sprint', 'review', 'planning']],
    ['cluster stacks for the standardisation', ['cluster', 'stack', 'standardization']],
    ['class pass', ['class', 'pass']],
  ])('words of %s', (form, words) => {
    expect(headingWords(form)).toEqual(words);
  });

  it.each([
    ['Ceph Upgrade: Pacific -> Quincy #535', 'Ceph Upgrade: Pacific -> Quincy'],
    ['OvS upgrade feedback (@flyersa) (#428)', 'OvS upgrade feedback'],
    ['Standardizing https://github.com/a/b/issues/1', 'Standardizing'],
    ['Stabilize the SSD flavor decision.', 'Stabilize the SSD flavor decision'],
    ['Proceeding with standardization (https://github.com/a/b/issues/1)', 'Proceeding with standardization'],
  ])('display %s', (text, shown) => {
    expect(displayHeading(text)).toBe(shown);
  });

  it.each([
    ['ceph upgrade pacific quincy', 'ceph-upgrade-pacific-quincy'],
    ['übergabe straße', 'ubergabe-strasse'],
    ['release 5.2.0', 'release-5-2-0'],
    ['a very long heading that goes on and on about many things at the same time really', 'a-very-long-heading-that-goes-on-and-on-about-many-things-at'],
    ['日本', ''],
  ])('slug of %s', (form, slug) => {
    expect(topicSlug(form)).toBe(slug);
    expect(slug).toMatch(/^[a-z0-9-]{0,60}$/);
  });
});

describe('closeWording', () => {
  it.each([
    [['openstack', 'image', 'manager'], ['openstack', 'image', 'manager', 'csp'], true], // contains, one more word
    [['key', 'manager'], ['key', 'manager', 'spec'], true],
    [['release', 'note'], ['release', 'note', 'r7'], false], // the extra word is a number: a more specific subject
    [['stabilize', 'scs', '0219', 'v1'], ['stabilize', 'scs', '0123', 'v1'], false], // different numbers
    [['prioritizing', 'kaas', 'topic', 'standardization'], ['prioritizing', 'iaas', 'topic', 'standardization'], false], // ¾ not reached
    [['observability', 'kaas', 'operator', 'iaas', 'monitoring'], ['observability', 'kaas', 'operator', 'iaas', 'alerting'], false],
    [['dependency', 'helm', 'version', 'pin', 'chart', 'lock'], ['dependency', 'helm', 'version', 'pin', 'chart', 'lock', 'file'], true],
    [['zuul'], ['zuul', 'secret'], false], // one word says too little
    [['cluster', 'stack'], ['planning', 'cluster', 'stack', 'series', 'mid'], false], // too many more words
  ])('%j ~ %j → %s', (a, b, joined) => {
    expect(closeWording(a, b)).toBe(joined);
    expect(closeWording(b, a)).toBe(joined);
  });
});

describe('structuralHeadings', () => {
  const counts = new Map([
    ['iaas', new Map([['agenda', 20], ['participants', 18], ['housekeeping', 11], ['sprint review', 10], ['ceph upgrade', 4], ['team iaas', 1]])],
    ['community-call', new Map([['minutes transfer to the community call', 12], ['community call report', 11], ['team iaas', 19], ['team container', 18], ['team ops', 17], ['team iam', 2], ['team ops iam', 2], ['lightning talk', 2]])],
    ['big', new Map([['designate people for chores', 9], ['flavor naming', 8]])],
    ['tiny', new Map([['ceph upgrade', 2]])],
  ]);
  const sizes = new Map([['iaas', 20], ['community-call', 20], ['tiny', 2], ['big', 90]]);
  const { forms, isStructural } = structuralHeadings(counts, sizes, ['Other Items']);

  it('finds slots by their share of a series, plus the ignored ones', () => {
    // housekeeping: most meetings; sprint review: half of them, and often; chores: a tenth, and more often than a thread lasts.
    expect(forms).toEqual(['agenda', 'community call report', 'designate people for chores', 'housekeeping', 'minutes transfer to the community call', 'other items', 'participants', 'sprint review', 'team container', 'team iaas', 'team ops']);
  });

  it.each([
    ['agenda', true],
    ['team iaas', true], // structural in another series
    ['participants list', true], // half its words are a slot's
    ['team monitoring', true], // "team" leads a family of slots
    ['team iam', true],
    ['flavor naming', false], // eight of 90 meetings: a long thread
    ['iam team', true], // only words of structural forms
    ['housekeeping organizational items', false], // one word in three: a subject of its own
    ['agenda today', true],
    ['ceph upgrade', false], // in two of two meetings of a tiny series: too few meetings to tell
    ['lightning talk', false],
    ['who presents in the community call', true], // "community call" stands in two slots
    ['community survey', false],
    ['', true],
  ])('%s → %s', (form, structural) => {
    expect(isStructural(form)).toBe(structural);
  });
});

const h = (text: string, line: number, depth = 3): Heading => ({ depth, text, anchor: text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, ''), line });

/** A weekly series: every meeting has the template's headings, plus the given subjects. */
function week(id: string, subjects: (string | Heading)[], extra: Partial<Meeting> = {}): Meeting {
  const headings = [h('Agenda', 1, 2), h('Participants', 2, 2), ...subjects.map((s, i) => (typeof s === 'string' ? h(s, 10 + i * 10) : s))];
  return makeMeeting({ id, headings, ...extra });
}

describe('buildTopicIndex', () => {
  const meetings = [
    week('iaas/2023-04-05', []),
    week('iaas/2023-04-12', []),
    week('iaas/2023-04-19', []),
    week('iaas/2023-05-03', ['Metric collection']),
    week('iaas/2023-05-17', ['Ceph Upgrade: Pacific -> Quincy', 'AirGap?', 'Metric collection'], {
      actionItems: [{ assignees: ['garloff'], text: 'ask', line: 12, anchor: 'ceph-upgrade-pacific-quincy' }],
      mentions: [{ key: 'berendt', line: 13, anchor: 'ceph-upgrade-pacific-quincy' }],
      issues: [{ key: 'osism/issues#1', line: 14, anchor: 'ceph-upgrade-pacific-quincy', excerpt: '' }],
    }),
    week('iaas/2023-05-31', ['Ceph Upgrade: Pacific -> Quincy', 'AirGap #330']),
    week('iaas/2023-06-14', ['Ceph Upgrade: Pacific -> Quincy #535', 'OpenStack Image Manager']),
    week('iaas/2023-06-28', ['Ceph Upgrade: Pacific -> Quincy #535', 'OpenStack Image Manager for CSPs']),
    week('iaas/2024-06-28', ['OpenStack Image Manager for CSPs and more', 'Lonely subject']),
    week('ops/2023-06-01', [h('https://github.com/org/repo/issues/7', 10), 'Metric collection']),
    week('ops/2023-06-08', [h('Status of the thing', 10)], { issues: [{ key: 'org/repo#7', line: 10, anchor: 'status-of-the-thing', excerpt: '' }] }),
  ];
  meetings[9]!.issues = [{ key: 'org/repo#7', line: 10, anchor: 'https-github-com-org-repo-issues-7', excerpt: '' }];
  const index = buildTopicIndex(meetings);
  const titles = index.topics.map((t) => [t.key, t.title, t.meetingCount]);

  it('groups by normalised heading, drops structural headings and one-meeting subjects', () => {
    expect(titles).toEqual([
      ['ceph-upgrade-pacific-quincy', 'Ceph Upgrade: Pacific -> Quincy', 4],
      ['metric-collection', 'Metric collection', 3],
      ['openstack-image-manager', 'OpenStack Image Manager', 2],
      ['status-of-the-thing', 'Status of the thing', 2],
      ['airgap', 'AirGap', 2], // of equally frequent wordings the shortest
    ]);
  });

  it('tells a thread in date order, with first/last dates and series', () => {
    const ceph = index.get('ceph-upgrade-pacific-quincy')!;
    expect(ceph.sections.map((s) => s.meetingId)).toEqual(['iaas/2023-05-17', 'iaas/2023-05-31', 'iaas/2023-06-14', 'iaas/2023-06-28']);
    expect([ceph.first, ceph.last, ceph.series]).toEqual(['2023-05-17', '2023-06-28', ['iaas']]);
    expect(index.get('metric-collection')!.series).toEqual(['iaas', 'ops']);
  });

  it('collects the people and issues of each section', () => {
    const first = index.get('ceph-upgrade-pacific-quincy')!.sections[0]!;
    expect(first.people).toEqual(['garloff', 'berendt']);
    expect(first.issues).toEqual(['osism/issues#1']);
  });

  it('joins headings that link the same issue (even a heading that is only the link)', () => {
    expect(index.get('status-of-the-thing')!.sections.map((s) => s.meetingId)).toEqual(['ops/2023-06-01', 'ops/2023-06-08']);
  });

  it('joins close wording only within the time window', () => {
    const oim = index.get('openstack-image-manager')!;
    expect(oim.sections.map((s) => s.meetingId)).toEqual(['iaas/2023-06-14', 'iaas/2023-06-28']);
    expect(index.stats.joinedByWording).toBe(1);
    expect(index.stats.joinedByIssue).toBe(1);
  });

  it('finds the topic and the position of a section', () => {
    const place = index.at('iaas/2023-05-31', 'ceph-upgrade-pacific-quincy')!;
    expect([place.topic.key, place.index]).toEqual(['ceph-upgrade-pacific-quincy', 1]);
    expect(index.at('iaas/2023-05-31', 'agenda')).toBeUndefined();
    expect(index.byMeeting('iaas/2023-05-31').map((p) => p.topic.key).sort()).toEqual(['airgap', 'ceph-upgrade-pacific-quincy']);
  });

  it('never makes a topic of a heading in most meetings of a series, nor of an ignored one', () => {
    expect(index.stats.structural).toEqual(expect.arrayContaining(['agenda', 'participants']));
    const ignoring = buildTopicIndex(meetings, { ignore: ['Metric Collection'] });
    expect(ignoring.get('metric-collection')).toBeUndefined();
    expect(ignoring.get('ceph-upgrade-pacific-quincy')).toBeDefined();
  });

  it('keys are stable when a later meeting joins the thread, and unique', () => {
    const later = buildTopicIndex([...meetings, week('iaas/2023-07-05', ['Ceph upgrade: Pacific → Quincy (@owner)'])]);
    expect(later.get('ceph-upgrade-pacific-quincy')!.meetingCount).toBe(5);
    const twins = buildTopicIndex([week('a/2023-01-01', ['Über']), week('a/2023-01-08', ['Über']), week('b/2023-01-01', ['Uber']), week('b/2023-01-08', ['Uber'])]);
    expect(twins.topics.map((t) => t.key).filter((k) => k.startsWith('uber')).sort()).toEqual(['uber', 'uber-2']);
  });
});
