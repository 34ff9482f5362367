import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { minutesLoader } from './loaders/minutes.ts';
import { sourceRecordSchema } from './loaders/source-record.ts';

export const collections = {
  /** One entry per file under MINUTES_DIR (pages, skipped files and duplicates). */
  minutes: defineCollection({ loader: minutesLoader(), schema: sourceRecordSchema }),
  /** The site's own written pages (MDX), e.g. About. */
  pages: defineCollection({ loader: glob({ pattern: '**/*.{md,mdx}', base: './content/pages' }) }),
};
