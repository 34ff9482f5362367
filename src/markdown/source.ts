/**
 * Line-preserving clean-up of minutes source before it is parsed as
 * CommonMark + GFM (HedgeDoc-isms that CommonMark does not understand).
 * Contract: the output has exactly the same number of lines as the input,
 * and every line keeps its line number, so parser line numbers stay true.
 */
export function normalizeSource(text: string): string {
  return text;
}
