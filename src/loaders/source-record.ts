/**
 * The shape of a `minutes` collection entry's data (what src/loaders/minutes.ts
 * stores per file), as a type guard and as the collection's schema, so that
 * `getCollection('minutes')` is typed and src/archive.ts needs no cast.
 * The check is shallow on purpose: the loader wrote the data itself; this
 * catches an entry of another shape (e.g. from an older cache), not bad minutes.
 */
import { z } from 'astro/zod';
import type { SourceRecord } from './minutes.ts';

const STATUSES: ReadonlySet<unknown> = new Set(['page', 'skipped', 'duplicate']);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function isSourceRecord(data: unknown): data is SourceRecord {
  if (!isObject(data) || !isObject(data['report'])) return false;
  const { report, meeting, copy, renderedFile } = data;
  if (typeof report['source'] !== 'string' || !STATUSES.has(report['status']) || !Array.isArray(report['warnings'])) return false;
  if (meeting !== undefined && !(isObject(meeting) && typeof meeting['id'] === 'string' && typeof meeting['series'] === 'string')) return false;
  if (copy !== undefined && !(isObject(copy) && typeof copy['id'] === 'string' && typeof copy['copyOf'] === 'string')) return false;
  return renderedFile === undefined || typeof renderedFile === 'string';
}

export const sourceRecordSchema = z.custom<SourceRecord>(isSourceRecord, { message: 'not a minutes source record (report, meeting, rendered file)' });
