import { getArchive } from '../../archive.ts';
import { meetingsJson } from '../../lib/indexes/json.ts';

export async function GET() {
  const { indexes, paths, copiesOf } = await getArchive();
  return new Response(JSON.stringify(meetingsJson(indexes, paths, undefined, [...copiesOf.values()].flat())), { headers: { 'content-type': 'application/json' } });
}
