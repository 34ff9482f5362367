import { describe, expect, it } from 'vitest';
import { guessMeeting } from '../../src/scripts/not-found.ts';

const slugs = { iaas: ['2023-05-24', '2023-05-17', '2023-05-10'], ops: ['2023-05-18'] };

describe('guessMeeting (404 page)', () => {
  it.each([
    ['/minutes/iaas/2023-05-18/', ['/minutes/iaas/2023-05-17/', '/minutes/iaas/']],
    ['/minutes/iaas/20230523/', ['/minutes/iaas/2023-05-24/', '/minutes/iaas/']],
    ['/minutes/iaas/whatever/', ['/minutes/iaas/']],
    ['/minutes/nope/2023-05-18/', ['/minutes/ops/2023-05-18/']],
    ['/minutes/nope/nothing/', []],
    ['/elsewhere', []],
  ])('%s → %j', (pathname, hrefs) => {
    expect(guessMeeting(pathname, '/minutes/', slugs).map((g) => g.href)).toEqual(hrefs);
  });
});
