import { DEFAULT_CONFIG } from '../../../src/lib/config.ts';
import { parseAliases } from '../../../src/lib/indexes/aliases.ts';
import { buildArchiveIndexes } from '../../../src/lib/indexes/archive-indexes.ts';
import type { ArchiveConfig, Meeting } from '../../../src/lib/minutes/types.ts';
import { createPaths } from '../../../src/lib/paths.ts';
import type { ViewContext } from '../../../src/lib/views/context.ts';
import { makeMeeting, who } from '../indexes/make-meeting.ts';

const ref = (key: string, line: number, anchor: string) => ({ key, line, anchor, excerpt: `- see ${key}` });

/** Three small meetings in two series: an invented team, invented people and issues. */
export const MEETINGS: Meeting[] = [
  makeMeeting({
    id: 'alpha/2023-05-17',
    title: 'Rollout review',
    participants: who('ada', 'Bob Byte', 'cyd'),
    headings: [
      { depth: 1, text: 'Alpha 2023-05-17', anchor: 'alpha-2023-05-17', line: 1 },
      { depth: 2, text: 'Rollout', anchor: 'rollout', line: 5 },
    ],
    issues: [ref('acme/tool#7', 6, 'rollout'), ref('acme/tool#7', 7, 'rollout'), ref('acme/web#2', 8, 'rollout')],
    mentions: [{ key: 'dee', line: 9, anchor: 'rollout' }],
    actionItems: [{ assignees: ['ada', 'cyd'], text: 'Ship [the tool](https://example.org) to _@dee_', line: 10, anchor: 'rollout', status: 'open' }],
  }),
  makeMeeting({ id: 'alpha/2023-05-10', title: 'Alpha 2023-05-10', participants: who('ada') }),
  makeMeeting({ id: 'beta/2022-01-03', title: 'Beta 2022-01-03', participants: who('ada', 'dee'), issues: [ref('acme/tool#7', 3, '')] }),
];

export const CONFIG: ArchiveConfig = { ...DEFAULT_CONFIG, title: 'Acme minutes', seriesNames: { alpha: 'Alpha' }, sourceUrl: 'https://example.org/src' };

export function makeContext(meetings: Meeting[] = MEETINGS, base = '/m/'): ViewContext {
  const { aliases } = parseAliases({ people: { 'bob byte': { name: 'Bob Byte' } } });
  return { indexes: buildArchiveIndexes(meetings, CONFIG, aliases), config: CONFIG, paths: createPaths(base) };
}
