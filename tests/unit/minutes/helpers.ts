import { parseMinutes } from '../../../src/lib/minutes/parse.ts';
import { DEFAULT_CONFIG } from '../../../src/lib/config.ts';
import type { ArchiveConfig } from '../../../src/lib/minutes/types.ts';

/** Parse a small inline minutes text (lines joined with \n). */
export function parse(lines: string[] | string, source = 'iaas/20230517.md', config: Partial<ArchiveConfig> = {}) {
  const text = Array.isArray(lines) ? lines.join('\n') : lines;
  return parseMinutes({ source, text, config: { ...DEFAULT_CONFIG, seriesNames: { iaas: 'IaaS' }, ...config } });
}
