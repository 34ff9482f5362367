/** HTML assertions through a parser (htmlparser2), not substring matches on markup. */
import { DomUtils, parseDocument } from 'htmlparser2';

/** The `href` of every link (`<a>`) of a page, in document order. */
export function linkHrefs(html: string): string[] {
  return DomUtils.findAll((e) => e.name === 'a', parseDocument(html).children).flatMap((a) => (a.attribs['href'] === undefined ? [] : [a.attribs['href']]));
}
