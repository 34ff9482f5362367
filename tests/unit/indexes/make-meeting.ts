import type { Meeting } from '../../../src/lib/minutes/types.ts';

/**
 * A small Meeting for tests: pass only what matters. `id` (`<series>/<slug>`)
 * sets series and slug; the date defaults to the slug's date part.
 */
export function makeMeeting(partial: Partial<Meeting> & { id: string }): Meeting {
  const [series, slug] = partial.id.split('/') as [string, string];
  const date = /^\d{4}-\d{2}-\d{2}/.exec(slug)?.[0] ?? null;
  return {
    series,
    slug,
    date,
    title: `${series} ${slug}`,
    source: `${series}/${slug.replaceAll('-', '')}.md`,
    participants: [],
    issues: [],
    mentions: [],
    actionItems: [],
    headings: [],
    isSlides: false,
    frontmatter: {},
    warnings: [],
    ...partial,
  };
}

/** Participants from handles/names: `['JuanPTM', 'Kurt Garloff']` → keys lower-cased, labels as written. */
export const who = (...labels: string[]) => labels.map((label) => ({ key: label.toLowerCase().replace(/[_\\]/g, ''), label }));
