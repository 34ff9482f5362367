import { getArchive } from '../../archive.ts';
import { meetingsJson } from '../../lib/indexes/json.ts';

export async function GET() {
  const { indexes, paths } = await getArchive();
  return new Response(JSON.stringify(meetingsJson(indexes, paths)), { headers: { 'content-type': 'application/json' } });
}
