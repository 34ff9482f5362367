import type { APIRoute } from 'astro';
import { issueFiles } from '../archive.ts';

/**
 * Build only (injected by src/integrations/issue-files.ts): every issue's feed
 * and JSON file in one response, which the integration writes out as files.
 * One render instead of two routes with ~1,000 outputs each on the SCS archive.
 */
export const GET: APIRoute = async ({ site }) =>
  new Response(JSON.stringify(await issueFiles(site)), { headers: { 'content-type': 'application/json' } });
