// A tiny static file server for the benchmark's browser runs (no compression,
// no caching headers: what pagefind ships pre-compressed stays as it is).
//
//   const { url, close } = await serve(distDir)          // 127.0.0.1, free port
//   node bench/serve.mjs <distDir> [port]
//
// `/__bench__/` answers a blank page (the same for ours and the floor), from
// which the benchmark imports /pagefind/pagefind.js.
import { createServer } from 'node:http';
import { createReadStream, promises as fs } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  // pagefind's index chunks: gzip-compressed binary (pagefind decompresses them itself).
  '.pagefind': 'application/octet-stream',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pf_filter': 'application/octet-stream',
};

export const BLANK_PAGE = '/__bench__/';

export function serve(root, port = 0, host = '127.0.0.1') {
  root = path.resolve(root);
  /** Every response: path and body bytes sent (the benchmark counts transferred bytes here, workers included). */
  const sent = [];
  const server = createServer(async (req, res) => {
    const note = (bytes) => sent.push({ path: req.url ?? '/', status: res.statusCode, bytes });
    try {
      const url = new URL(req.url ?? '/', 'http://x');
      if (url.pathname === BLANK_PAGE) {
        res.writeHead(200, { 'content-type': TYPES['.html'] });
        const blank = '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench</title></head><body></body></html>';
        note(blank.length);
        res.end(blank);
        return;
      }
      let file = path.join(root, decodeURIComponent(url.pathname));
      if (!file.startsWith(root)) throw Object.assign(new Error('outside root'), { code: 'ENOENT' });
      let st = await fs.stat(file).catch(() => null);
      if (st?.isDirectory()) {
        if (!url.pathname.endsWith('/')) {
          res.writeHead(301, { location: url.pathname + '/' + url.search });
          res.end();
          return;
        }
        file = path.join(file, 'index.html');
        st = await fs.stat(file).catch(() => null);
      }
      if (!st?.isFile()) {
        const notFound = path.join(root, '404.html');
        const body = await fs.readFile(notFound).catch(() => Buffer.from('not found'));
        res.writeHead(404, { 'content-type': TYPES['.html'] });
        note(body.length);
        res.end(req.method === 'HEAD' ? undefined : body);
        return;
      }
      res.writeHead(200, {
        'content-type': TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
        'content-length': st.size,
        'cache-control': 'no-store',
      });
      if (req.method === 'HEAD') return res.end();
      note(st.size);
      createReadStream(file).pipe(res);
    } catch (e) {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(e));
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const { port: p } = server.address();
      resolve({ url: `http://${host}:${p}`, sent, close: () => new Promise((r) => server.close(() => r())), server });
    });
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [dir, port] = process.argv.slice(2);
  if (!dir) {
    console.error('usage: node bench/serve.mjs <distDir> [port]');
    process.exit(2);
  }
  const { url } = await serve(dir, Number(port ?? 0));
  console.log(`serving ${path.resolve(dir)} on ${url}`);
}
