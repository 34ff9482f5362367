/**
 * The shared shape of an evaluation result: one row per suite and field, as
 * true positives, false positives and false negatives. Every
 * `tests/eval/*.eval.ts` module exports `evaluate(): Promise<FieldScore[]>`;
 * `npm run eval` (scripts/eval.mjs) prints precision and recall per row.
 */
export interface FieldScore {
  suite: string;
  field: string;
  tp: number;
  fp: number;
  fn: number;
  note?: string;
}

/** Compare two sets of labels (strings): what was expected against what was found. */
export function scoreSets(
  suite: string,
  field: string,
  expected: Iterable<string>,
  found: Iterable<string>,
): FieldScore & { missed: string[]; extra: string[] } {
  const want = new Set(expected);
  const got = new Set(found);
  const missed = [...want].filter((x) => !got.has(x));
  const extra = [...got].filter((x) => !want.has(x));
  return { suite, field, tp: want.size - missed.length, fp: extra.length, fn: missed.length, missed, extra };
}

/** Sum rows with the same suite and field. */
export function sumScores(rows: readonly FieldScore[]): FieldScore[] {
  const out = new Map<string, FieldScore>();
  for (const r of rows) {
    const id = `${r.suite}\n${r.field}`;
    const s = out.get(id);
    if (!s) out.set(id, { suite: r.suite, field: r.field, tp: r.tp, fp: r.fp, fn: r.fn, ...(r.note ? { note: r.note } : {}) });
    else {
      s.tp += r.tp;
      s.fp += r.fp;
      s.fn += r.fn;
      if (r.note) s.note = s.note ? `${s.note}; ${r.note}` : r.note;
    }
  }
  return [...out.values()];
}

/** tp / (tp + fp); 1 when nothing was found (nothing wrong was claimed). */
export function precision(s: FieldScore): number {
  return s.tp + s.fp === 0 ? 1 : s.tp / (s.tp + s.fp);
}

/** tp / (tp + fn); 1 when nothing was expected. */
export function recall(s: FieldScore): number {
  return s.tp + s.fn === 0 ? 1 : s.tp / (s.tp + s.fn);
}
