import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseMinutes } from '../../src/lib/minutes/parse.ts';
import { DEFAULT_CONFIG } from '../../src/lib/config.ts';

// Read at test time from the shared corpus (never copied into the project); in the build project, like every
// test that needs ../shared: the unit project runs without it.
const file = fileURLToPath(new URL('../../../shared/corpus/scs-minutes/iaas/20230517.md', import.meta.url));

describe('corpus spot check: iaas/20230517.md', () => {
  const { meeting } = parseMinutes({ source: 'iaas/20230517.md', text: readFileSync(file, 'utf8'), config: DEFAULT_CONFIG });

  it('date and id', () => {
    expect(meeting.date).toBe('2023-05-17');
    expect(meeting.id).toBe('iaas/2023-05-17');
    expect(meeting.warnings).toEqual([]);
  });

  it('the 17 participants of its list', () => {
    expect(meeting.participants).toHaveLength(17);
    expect(meeting.participants.map((p) => p.key)).toContain('josephinesei');
    expect(meeting.participants.map((p) => p.key)).not.toContain('cah-hbaum'); // mentioned, not listed
  });

  it('exactly the expected issue keys', () => {
    expect([...new Set(meeting.issues.map((i) => i.key))].sort()).toEqual(
      [
        'sovereigncloudstack/issues#28',
        'sovereigncloudstack/issues#168',
        'sovereigncloudstack/issues#234',
        'sovereigncloudstack/issues#268',
        'sovereigncloudstack/issues#269',
        'sovereigncloudstack/issues#280',
        'sovereigncloudstack/issues#320',
        'sovereigncloudstack/standards#199',
        'sovereigncloudstack/standards#268',
        'osism/openstack-image-manager#567',
        'osism/issues#525',
      ].sort(),
    );
    const i28 = meeting.issues.find((i) => i.key === 'sovereigncloudstack/issues#28');
    expect(i28?.anchor).toBe('validations-for-deployment-environments-28');
  });

  it('exactly the expected action items', () => {
    expect(meeting.actionItems.map((a) => [a.line, a.assignees])).toEqual([
      [56, ['berendt', 'fkr']],
      [61, ['fkr']],
      [70, []],
      [71, ['fkr']],
      [94, ['tibeer']],
    ]);
  });
});
