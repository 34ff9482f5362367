import { getArchive } from '../../archive.ts';
import { issuesSearchData } from '../../lib/views/issue.ts';

/** `issues/search.json`: what the search page matches issue references against (src/scripts/search.ts). */
export async function GET() {
  const { views } = await getArchive();
  return new Response(JSON.stringify(issuesSearchData(views)), { headers: { 'content-type': 'application/json' } });
}
