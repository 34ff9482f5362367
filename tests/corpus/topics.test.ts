/**
 * Topics on the real SCS archive (built once with base /minutes): the mission
 * thread, no structural heading as a topic, every topic page and feed present
 * and in the sitemap. Broken links and anchors of /topics/ and the topic pages
 * are checked by the crawl of the whole site in corpus.test.ts.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, inject, it } from 'vitest';

const site = inject('sites').corpus;
const read = (p: string) => readFileSync(path.join(site.outDir, p), 'utf8');

interface TopicsJson {
  topics: { key: string; title: string; url: string; series: string[]; meetings: { id: string; url: string; anchor: string; heading: string }[] }[];
}
const { topics } = JSON.parse(read('api/topics.json')) as TopicsJson;

/** The template headings of the SCS series (agenda, participants, housekeeping, recurring items, team and chores slots). */
const STRUCTURAL = [
  /^agenda\b/i,
  /^participants?\b/i,
  /^housekeeping\b/i,
  /^recurring items\b/i,
  /^team (?:iaas|container|ops|iam)\b/i,
  /\bchores\b/i,
  /^check ais\b/i,
  /^designate people\b/i,
];

describe('topics of the SCS archive', () => {
  it('has topics, each with two meetings or more, unique URL-safe keys', () => {
    expect(topics.length).toBeGreaterThan(100);
    expect(new Set(topics.map((t) => t.key)).size).toBe(topics.length);
    for (const t of topics) {
      expect(t.key).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      expect(new Set(t.meetings.map((m) => m.id)).size, t.key).toBeGreaterThanOrEqual(2);
      expect(t.url).toBe(`/minutes/topics/${t.key}/`);
    }
  });

  it('follows Ceph Pacific -> Quincy through four IaaS meetings from 2023-05-17', () => {
    const ceph = topics.find((t) => t.meetings.some((m) => m.id === 'iaas/2023-05-17' && /quincy/i.test(m.heading)))!;
    expect(ceph.title).toBe('Ceph Upgrade: Pacific -> Quincy');
    expect(ceph.meetings.map((m) => m.id)).toEqual(['iaas/2023-05-17', 'iaas/2023-05-31', 'iaas/2023-06-14', 'iaas/2023-06-28']);
    expect(ceph.meetings[0]!.url).toBe('/minutes/iaas/2023-05-17/#ceph-upgrade-pacific---quincy');
  });

  it('makes no structural heading a topic', () => {
    for (const t of topics) {
      for (const h of [t.title, ...t.meetings.map((m) => m.heading)]) {
        expect(STRUCTURAL.filter((re) => re.test(h.trim())), `${t.key}: ${h}`).toEqual([]);
      }
    }
  });

  it('publishes every topic page and feed, listed in the sitemap and on /topics/', () => {
    const sitemap = read('sitemap-0.xml');
    const index = read('topics/index.html');
    for (const t of topics) {
      expect(existsSync(path.join(site.outDir, 'topics', t.key, 'index.html')), t.key).toBe(true);
      expect(sitemap).toContain(`<loc>https://example.org${t.url}</loc>`);
      expect(index).toContain(`href="${t.url}"`);
    }
    const feed = read(`topics/${topics[0]!.key}/rss.xml`);
    expect(XMLValidator.validate(feed)).toBe(true);
  });

  it('shows each meeting of a thread with its section, and notes the thread at the section', () => {
    const page = read('topics/ceph-upgrade-pacific-quincy/index.html');
    expect(page).toContain('href="/minutes/iaas/2023-05-17/#ceph-upgrade-pacific---quincy"');
    expect(page).toMatch(/Discussed in <strong>4<\/strong> meetings/);
    const meeting = read('iaas/2023-05-31/index.html');
    expect(meeting).toMatch(/data-topic-note="ceph-upgrade-pacific-quincy"[^>]*>\s*<a[^>]*href="\/minutes\/topics\/ceph-upgrade-pacific-quincy\/"[^>]*>Also discussed in 3 other meetings/);
    expect(meeting).toContain('href="/minutes/iaas/2023-05-17/#ceph-upgrade-pacific---quincy"');
  });
});
