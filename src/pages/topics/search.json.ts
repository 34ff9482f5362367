import { getArchive } from '../../archive.ts';
import { topicsSearchData } from '../../lib/views/topics.ts';

/** `topics/search.json`: what the search page matches topic names against (src/scripts/search.ts). */
export async function GET() {
  const { views } = await getArchive();
  return new Response(JSON.stringify(topicsSearchData(views)), { headers: { 'content-type': 'application/json' } });
}
