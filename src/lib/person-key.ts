/**
 * The one person-key function: the parser's participant and mention keys,
 * the alias file's keys and the indexes all go through it, so two spellings
 * of one person meet. `@` prefix dropped, `\` escapes and `_` removed (not
 * valid in GitHub logins: `@cah_hbaum` and `@Cah\_HBaum` are one person),
 * leading and trailing punctuation dropped (`@garloff,`), Unicode NFC,
 * whitespace collapsed (plain names), lower-case. Idempotent.
 */
export function personKey(raw: string): string {
  return raw
    .normalize('NFC')
    .trim()
    .replace(/^@+/, '')
    .replace(/[\\_]/g, '')
    .replace(/[^\p{L}\p{N}]+$/u, '')
    .replace(/^[^\p{L}\p{N}]+/u, '')
    .toLowerCase()
    .replace(/\s+/g, ' ');
}
