import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';

const base = process.env.MINUTES_DIR;
if (!base) throw new Error('bench/baseline: set MINUTES_DIR to a minutes folder');

export const collections = {
  minutes: defineCollection({ loader: glob({ pattern: '**/*.md', base }) }),
};
