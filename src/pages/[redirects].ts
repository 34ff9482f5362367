import { redirectRules } from '../archive.ts';

// `_redirects` (Netlify, Cloudflare Pages): the same redirects as the static
// HTML pages, for hosts that read it. A leading `_` in a file name would make
// Astro ignore the route, hence the param.
export const getStaticPaths = () => [{ params: { redirects: '_redirects' } }];

export async function GET() {
  return new Response(`${await redirectRules()}\n`, { headers: { 'content-type': 'text/plain' } });
}
