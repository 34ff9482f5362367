import type { APIRoute } from 'astro';
import { bulkFiles } from '../archive.ts';

/**
 * Build only (injected by src/integrations/bulk-files.ts): every per-issue
 * feed and JSON file, topic feed and redirect page in one response (feeds as
 * their view models), which the integration writes out as files. One render instead of ~3,000 routes on
 * the SCS archive.
 */
export const GET: APIRoute = async ({ site }) =>
  new Response(JSON.stringify(await bulkFiles(site)), { headers: { 'content-type': 'application/json' } });
