import { getArchive } from '../archive.ts';

/** Every file found under MINUTES_DIR, exactly once, with what became of it. */
export async function GET() {
  const { report } = await getArchive();
  return new Response(JSON.stringify(report, null, 1), { headers: { 'content-type': 'application/json' } });
}
