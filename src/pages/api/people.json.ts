import { getArchive } from '../../archive.ts';
import { peopleJson } from '../../lib/indexes/json.ts';

/** `api/people.json`: everyone in the people index with their meetings, mentions and action-item count. */
export async function GET() {
  const { indexes, paths } = await getArchive();
  return new Response(JSON.stringify(peopleJson(indexes, paths)), { headers: { 'content-type': 'application/json' } });
}
