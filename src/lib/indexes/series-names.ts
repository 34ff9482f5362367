/**
 * Names of the series a reader recognises. Without a configured name, a
 * series is named after the title most of its meetings share
 * (`OpenJS Foundation Cross Project Council Meeting`), else after its folder
 * (see config.ts `seriesName`). Meetings titled by the fallback
 * "<series name> <date>" then use that name too.
 */
import { seriesName } from '../config.ts';
import { cleanTitle } from '../minutes/parse.ts';
import type { ArchiveConfig, Meeting } from '../minutes/types.ts';

/** A title without its date and without a trailing `(suffix)` label: what meetings of a series share. */
function sharedPart(title: string): string {
  return cleanTitle(title.replace(/\s*\([^()]*\)\s*$/, ''));
}

/**
 * The title most meetings of each series share, for the series without a
 * configured name: at least two meetings, and more than half of the series.
 * Fallback titles (made from the series name) do not vote.
 */
export function sharedSeriesTitles(meetings: readonly Meeting[], config: ArchiveConfig): Record<string, string> {
  const bySeries = new Map<string, Meeting[]>();
  for (const m of meetings) {
    const list = bySeries.get(m.series);
    if (list) list.push(m);
    else bySeries.set(m.series, [m]);
  }
  const out: Record<string, string> = {};
  for (const [series, list] of bySeries) {
    if (config.seriesNames[series]) continue;
    const votes = new Map<string, { label: string; n: number }>();
    for (const m of list) {
      if (m.titleSource !== 'heading' && m.titleSource !== 'frontmatter') continue;
      const label = sharedPart(m.title);
      if (!label) continue;
      const key = label.toLowerCase();
      const v = votes.get(key);
      if (v) v.n++;
      else votes.set(key, { label, n: 1 });
    }
    let best: { label: string; n: number } | undefined;
    for (const v of votes.values()) if (!best || v.n > best.n) best = v;
    if (best && best.n >= 2 && best.n * 2 > list.length) out[series] = best.label;
  }
  return out;
}

/**
 * The config with every series named (configured names win), and the
 * meetings whose fallback title used the folder name retitled with the new
 * name. Meetings are copied, never changed in place.
 */
export function nameSeries(meetings: readonly Meeting[], config: ArchiveConfig): { config: ArchiveConfig; meetings: Meeting[] } {
  const shared = sharedSeriesTitles(meetings, config);
  const named: ArchiveConfig = { ...config, seriesNames: { ...shared, ...config.seriesNames } };
  const out = meetings.map((m) => {
    if (m.titleSource !== 'series' || !shared[m.series]) return m;
    const before = seriesName(config, m.series);
    return m.title.startsWith(before) ? { ...m, title: shared[m.series] + m.title.slice(before.length) } : m;
  });
  return { config: named, meetings: out };
}
