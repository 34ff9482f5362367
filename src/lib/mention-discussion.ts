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
 * Whether a mention shows its section's discussion rather than its own
 * excerpt: only bare mentions and mentions in the section's heading, and only
 * inside a section (not before the first heading).
 */
function showsSection(mention: { excerpt: string; anchor: string; line: number }, headingLines: ReadonlySet<number>): boolean {
  return Boolean(mention.anchor) && (headingLines.has(mention.line) || isBareMention(mention.excerpt));
}

/**
 * The section excerpt to show under every issue mention of a meeting (same
 * order), null where the mention's own excerpt is shown (it says something
 * itself, or its section is empty). Each section is cut once however many
 * mentions it holds.
 */
export function mentionDiscussions(
  mentions: readonly { excerpt: string; anchor: string; line: number }[],
  headings: readonly { line: number }[],
  html: string,
  meetingHref: string,
): (SectionExcerpt | null)[] {
  const headingLines = new Set(headings.map((h) => h.line));
  const shown = mentions.map((m) => showsSection(m, headingLines));
  const sections = sectionExcerpts(html, [...new Set(mentions.filter((_, i) => shown[i]).map((m) => m.anchor))], meetingHref);
  return mentions.map((m, i) => {
    const excerpt = shown[i] ? sections.get(m.anchor) : undefined;
    return excerpt && (excerpt.lead || excerpt.rest) ? excerpt : null;
  });
}
