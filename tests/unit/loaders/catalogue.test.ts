import { describe, expect, it } from 'vitest';
import { settleMeetings } from '../../../src/loaders/catalogue.ts';
import { makeMeeting } from '../indexes/make-meeting.ts';

const candidate = (id: string, source: string, date: string | null = id.split('/')[1]!.slice(0, 10)) => ({ source, meeting: makeMeeting({ id, source, date }) });
const seriesOf = (sources: string[]) => new Map(sources.map((s) => [s, s.split('/')[0]!]));

describe('settleMeetings', () => {
  it('numbers a fresh meeting whose id is taken, keeps the ids of kept ones', () => {
    const kept = [candidate('x/2024-01-10', 'x/2024-01-10.md')];
    const fresh = [candidate('x/2024-01-10', 'x/20240110.md')];
    const settled = settleMeetings(kept, fresh, [], seriesOf([]));
    expect(settled.kept.map((c) => c.meeting.id)).toEqual(['x/2024-01-10']);
    expect(settled.fresh.map((c) => c.meeting.id)).toEqual(['x/2024-01-10-2']);
    expect(settled.fresh[0]!.meeting.warnings).toEqual([{ message: 'same meeting as x/2024-01-10.md; this page is 2024-01-10-2' }]);
  });

  it('drops undated documents and undated files outside dated minutes from the pages', () => {
    const fresh = [candidate('x/2024-01-10', 'x/20240110.md'), candidate('docs/charter', 'docs/charter.md', null), candidate('x/notes', 'x/notes.md', null)];
    const settled = settleMeetings([], fresh, [], seriesOf([]));
    expect(settled.fresh.map((c) => c.source)).toEqual(['x/20240110.md', 'x/notes.md']);
    expect(settled.notMinutes.map((r) => [r.source, r.status])).toEqual([['docs/charter.md', 'skipped']]);
  });

  it.each([
    { name: 'a dated copy keeps its URLs', copy: 'x/20240117.md', id: 'x/2024-01-17' },
    { name: 'a copy of the same date as a meeting has its URLs already: a plain duplicate', copy: 'x/2024-01-10.md', id: undefined },
    { name: 'an undated copy: a plain duplicate', copy: 'x/backup.md', id: undefined },
  ])('$name', ({ copy, id }) => {
    const fresh = [candidate('x/2024-01-10', 'x/20240110.md')];
    const settled = settleMeetings([], fresh, [{ source: copy, copyOf: 'x/20240110.md' }], seriesOf([copy]));
    expect(settled.copies).toHaveLength(1);
    expect(settled.copies[0]!.copy?.id).toBe(id);
    expect(settled.copies[0]!.report).toMatchObject({ source: copy, status: 'duplicate' });
    expect(settled.copies[0]!.report.reason).toMatch(/^byte-identical copy of x\/20240110\.md/);
  });
});
