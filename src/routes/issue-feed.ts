import type { APIRoute, InferGetStaticPropsType } from 'astro';
import { issueFeedRoutes } from '../archive.ts';
import { feedResponse } from '../feeds.ts';

export const getStaticPaths = issueFeedRoutes;

/** New meetings that discuss one issue. Dev server only (injected by src/integrations/bulk-files.ts); a build writes these files in one pass. */
export const GET: APIRoute<InferGetStaticPropsType<typeof getStaticPaths>> = ({ props, site }) => feedResponse(props, site);
