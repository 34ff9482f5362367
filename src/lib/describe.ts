import type { Meeting } from './minutes/types.ts';

/** Generic section names that say nothing about what a meeting discussed. */
const ROUTINE = /^(participants?|attendees|agenda|minutes|notes|housekeeping|recurring items|check ais? from last time|action items?|todos?|aob|any other business|next meeting|welcome|\d{4}-\d{2}-\d{2})\b/i;

/** Unfurl text for a meeting: series, date and its agenda topics (routine sections left out). */
export function meetingDescription(meeting: Meeting, seriesLabel: string, maxLength = 200): string {
  const topics = meeting.headings
    .filter((h, i) => !(i === 0 && h.depth <= 2) && h.text && !ROUTINE.test(h.text.replace(/^[^\p{L}\d]+/u, '')))
    .map((h) => h.text);
  const head = `${seriesLabel} meeting${meeting.date ? ` on ${meeting.date}` : ''}`;
  let text = topics.length ? `${head}. Topics: ${[...new Set(topics)].join('; ')}` : `${head}.`;
  if (text.length > maxLength) text = `${text.slice(0, maxLength - 1).replace(/[;,\s]+\S*$/, '')}…`;
  return text;
}
