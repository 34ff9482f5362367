/**
 * Issue pages: when a mention says nothing but the reference (a bare URL
 * line, `#168`, or the link in the section's own heading), the story shows
 * the section's discussion under it instead of the URL alone. The loader
 * works these out when it renders a file (mentionDiscussions), so a build
 * does not cut sections out of unchanged meetings again.
 */
import { sectionExcerpts, type SectionExcerpt } from './section-html.ts';

/** Whether a mention's Markdown is only the reference: URLs, issue references, list markers and punctuation. */
export function isBareMention(markdown: string): boolean {
  const rest = markdown
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<?\b(?:https?:\/\/|www\.)[^\s>]+>?/gi, ' ')
    .replace(/[\w.\/-]*#\d+\b/g, ' ')
    .replace(/\b(?:issue|issues|pr|pull request|ticket)\b/gi, ' ')
    .replace(/[^\p{L}\p{N}]+/gu, '');
  return rest.length < 3;
}

/**
 * The section excerpt to show for a mention, or undefined to show the
 * mention's own excerpt: only for bare mentions and mentions in the
 * section's heading, and only inside a section (not before the first heading).
 */
export function sectionForMention(
  mention: { excerpt: string; anchor: string; line: number },
  headingLines: ReadonlySet<number>,
  html: string,
  meetingHref: string,
): SectionExcerpt | undefined {
  if (!mention.anchor) return undefined;
  if (!headingLines.has(mention.line) && !isBareMention(mention.excerpt)) return undefined;
  const excerpt = sectionExcerpts(html, [mention.anchor], meetingHref).get(mention.anchor);
  return excerpt && (excerpt.lead || excerpt.rest) ? excerpt : undefined;
}

/** sectionForMention for every issue mention of a meeting (same order), null where the mention's own excerpt is shown. */
export function mentionDiscussions(
  mentions: readonly { excerpt: string; anchor: string; line: number }[],
  headings: readonly { line: number }[],
  html: string,
  meetingHref: string,
): (SectionExcerpt | null)[] {
  const headingLines = new Set(headings.map((h) => h.line));
  return mentions.map((m) => sectionForMention(m, headingLines, html, meetingHref) ?? null);
}
