import type { APIRoute, InferGetStaticPropsType } from 'astro';
import { issueJsonRoutes } from '../archive.ts';

export const getStaticPaths = issueJsonRoutes;

/** `api/issues/<org>/<repo>/<n>.json`: one issue's meetings, for a GitHub Action that only fetches. Dev server only (see src/integrations/bulk-files.ts). */
export const GET: APIRoute<InferGetStaticPropsType<typeof getStaticPaths>> = ({ props }) =>
  new Response(JSON.stringify(props), { headers: { 'content-type': 'application/json' } });
