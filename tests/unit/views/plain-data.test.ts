/**
 * A page's cache key is a hash of the JSON of its view model (src/lib/page-keys.ts).
 * JSON drops what it cannot write (Map, Set, functions) and turns Dates into strings,
 * so a view holding one would show data its key does not cover: every view must
 * survive a JSON round trip unchanged.
 */
import { describe, expect, it } from 'vitest';
import { issueFeedView, seriesFeedView, siteFeedView } from '../../../src/lib/views/feed.ts';
import { homeView } from '../../../src/lib/views/home.ts';
import { issuesIndexView, peopleIndexView } from '../../../src/lib/views/indexes.ts';
import { issueView } from '../../../src/lib/views/issue.ts';
import { meetingView } from '../../../src/lib/views/meeting.ts';
import { personView } from '../../../src/lib/views/person.ts';
import { searchView } from '../../../src/lib/views/search.ts';
import { seriesView } from '../../../src/lib/views/series.ts';
import { aboutView, notFoundView } from '../../../src/lib/views/site-pages.ts';
import { makeContext } from './fixture.ts';

const ctx = makeContext();
const today = new Date('2026-01-01T00:00:00Z');

/** Only plain JSON values all the way down (undefined members are allowed: JSON omits them and so do the pages). */
function plain(value: unknown, at = 'view'): string[] {
  if (value === null || ['string', 'number', 'boolean', 'undefined'].includes(typeof value)) return [];
  if (Array.isArray(value)) return value.flatMap((v, i) => plain(v, `${at}[${i}]`));
  if (Object.getPrototypeOf(value) !== Object.prototype) return [`${at} is a ${(value as object).constructor?.name ?? typeof value}`];
  return Object.entries(value as object).flatMap(([k, v]) => plain(v, `${at}.${k}`));
}

describe('every view model is plain JSON data', () => {
  it.each<[string, unknown]>([
    ['meeting', meetingView(ctx, { id: 'alpha/2023-05-17', html: '<p>x</p>', today })],
    ['person', personView(ctx, 'ada')],
    ['issue', issueView(ctx, 'acme/tool#7', () => ['<li>x</li>'])],
    ['series', seriesView(ctx, 'alpha')],
    ['home', homeView(ctx)],
    ['people index', peopleIndexView(ctx)],
    ['issues index', issuesIndexView(ctx)],
    ['search', searchView(ctx)],
    ['404', notFoundView(ctx)],
    ['about', aboutView(ctx)],
    ['site feed', siteFeedView(ctx)],
    ['series feed', seriesFeedView(ctx, 'alpha')],
    ['issue feed', issueFeedView(ctx, 'acme/tool#7')],
  ])('%s', (_, view) => {
    expect(plain(view)).toEqual([]);
  });

  it('the check finds a Map, a Set and a Date', () => {
    expect(plain({ a: new Map(), b: [new Set()], c: { d: today } })).toEqual(['view.a is a Map', 'view.b[0] is a Set', 'view.c.d is a Date']);
  });
});
