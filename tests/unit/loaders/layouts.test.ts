/**
 * Loader-level test of the layout families (tests/fixtures/layouts): every
 * step of the loader but rendering (src/loaders/catalogue.ts) on each
 * fixture folder, against its expected meetings, dates, series, titles,
 * series names, not-minutes and copies.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogueMinutes } from '../../../src/loaders/catalogue.ts';
import { LAYOUTS_DIR, layoutFamilies } from '../../fixtures/layouts/expected.ts';

function markdownFiles(dir: string, rel = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? markdownFiles(path.join(dir, e.name), `${rel}${e.name}/`) : e.name.endsWith('.md') ? [`${rel}${e.name}`] : [],
  );
}

describe.each(layoutFamilies)('layout family $family', (family) => {
  const dir = path.join(LAYOUTS_DIR, family.family);
  const catalogue = catalogueMinutes(dir);

  it('accounts for every Markdown file: a meeting, a copy, or not minutes', () => {
    const expected = [...family.meetings.map((m) => m.source), ...family.notMeetings, ...(family.copies ?? []).map((c) => c.source)];
    expect(expected.sort()).toEqual(markdownFiles(dir).sort());
  });

  it('finds the expected meetings with their dates, series and titles', () => {
    const { meetings } = catalogue;
    const found = meetings.map((m) => ({ source: m.source, date: m.date, series: m.series, title: m.title }));
    expect(found.sort((a, b) => a.source.localeCompare(b.source))).toEqual([...family.meetings].sort((a, b) => a.source.localeCompare(b.source)));
  });

  it('names the series', () => {
    expect(catalogue.seriesNames).toEqual(family.seriesNames);
  });

  it('lists the other files in the report with a reason, without a page', () => {
    const { report } = catalogue;
    for (const source of family.notMeetings) {
      const entry = report.find((r) => r.source === source);
      expect(entry?.status, source).not.toBe('page');
      expect(entry?.reason, source).toBeTruthy();
      expect(entry?.warnings, source).toEqual([]);
    }
    const sources = report.map((r) => r.source);
    expect(new Set(sources).size).toBe(sources.length);
  });

  it('keeps the URLs of dated copies', () => {
    const { copies, report } = catalogue;
    expect(copies.map((c) => ({ source: c.source, id: c.id, copyOf: c.copyOf }))).toEqual(family.copies ?? []);
    for (const c of family.copies ?? []) expect(report.find((r) => r.source === c.source)?.status).toBe('duplicate');
  });

  it('warns where a file is odd', () => {
    const { report } = catalogue;
    for (const w of family.warnings ?? []) {
      const messages = report.find((r) => r.source === w.source)?.warnings.map((x) => x.message) ?? [];
      expect(messages.some((m) => m.includes(w.includes)), `${w.source}: ${messages.join('; ')}`).toBe(true);
    }
  });
});
