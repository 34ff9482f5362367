import { getArchive } from '../../archive.ts';
import { topicsSearchData } from '../../lib/views/topics.ts';

/** `topics/search.json`: what the search page matches topic names against (src/scripts/search.ts). */
export async function GET() {
  const { config, indexes, paths } = await getArchive();
  return new Response(JSON.stringify(topicsSearchData({ config, indexes, paths })), { headers: { 'content-type': 'application/json' } });
}
