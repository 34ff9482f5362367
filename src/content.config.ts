import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { minutesLoader } from './loaders/minutes.ts';
import { sourceRecordSchema } from './loaders/source-record.ts';

export const collections = {
  /** One entry per file under MINUTES_DIR (pages, skipped files and duplicates). */
  minutes: defineCollection({ loader: minutesLoader(), schema: sourceRecordSchema }),
  /**
   * The site's own written pages, e.g. About. Markdown (`.md`) where no component is needed: the
   * content layer renders it once and keeps the HTML until the file changes, while an `.mdx` page is
   * compiled (and its code blocks highlighted) by Vite in every build (Shiki alone: ~0.14 s of a profiled rebuild).
   */
  pages: defineCollection({ loader: glob({ pattern: '**/*.{md,mdx}', base: './content/pages' }) }),
};
