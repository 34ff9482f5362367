import { getArchive } from '../../archive.ts';
import { topicsJson } from '../../lib/views/topics.ts';

/** `api/topics.json`: every topic with the meetings (and section anchors) of its thread. */
export async function GET() {
  const { views } = await getArchive();
  return new Response(JSON.stringify(topicsJson(views)), { headers: { 'content-type': 'application/json' } });
}
