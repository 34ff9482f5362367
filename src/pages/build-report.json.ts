import { getArchive } from '../archive.ts';

/** Every file found under MINUTES_DIR, exactly once, with what became of it. */
export async function GET() {
  const { report, indexes } = await getArchive();
  // People keys that look like one person written two ways: a hint for the alias file, never applied silently.
  const aliasSuggestions = indexes.aliasSuggestions().map(({ a, b, reason, message }) => ({ a, b, reason, message }));
  return new Response(JSON.stringify({ ...report, aliasSuggestions }, null, 1), { headers: { 'content-type': 'application/json' } });
}
