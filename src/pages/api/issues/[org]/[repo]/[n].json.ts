import type { APIContext } from 'astro';
import { getArchive, issueRoutes } from '../../../../../archive.ts';
import { issueJson } from '../../../../../lib/indexes/json.ts';

export const getStaticPaths = issueRoutes;

/** `api/issues/<org>/<repo>/<n>.json`: one issue's meetings, for a GitHub Action that only fetches. */
export async function GET(context: APIContext) {
  const { indexes, paths } = await getArchive();
  const entry = indexes.issues.get((context.props as { key: string }).key)!;
  return new Response(JSON.stringify(issueJson(entry, paths)), { headers: { 'content-type': 'application/json' } });
}
