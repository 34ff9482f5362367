import { getArchive } from '../../archive.ts';
import { issuesJson } from '../../lib/indexes/json.ts';

/** `api/issues.json`: every referenced issue with the meetings (and section anchors) that discuss it. */
export async function GET() {
  const { indexes, paths } = await getArchive();
  return new Response(JSON.stringify(issuesJson(indexes, paths)), { headers: { 'content-type': 'application/json' } });
}
