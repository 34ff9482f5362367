/**
 * Shared helpers for browser tests: a tiny static server for a built `dist`
 * folder on 127.0.0.1 (random port, honouring the site's base path, gzip for
 * text like any real host) and a headless Debian Chromium via playwright-core.
 *
 *   const server = await serveDist(site.outDir, site.base);   // { url, close, transferred }
 *   const browser = await launchBrowser();
 *   const page = await browser.newPage();
 *   await page.goto(`${server.url}search/`);
 *
 * `server.url` is the site root including the base path, with a trailing slash.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
};
const COMPRESSIBLE = /^(text\/|application\/(json|xml|javascript)|image\/svg)/;

export interface DistServer {
  /** Site root with base path and trailing slash, e.g. http://127.0.0.1:41234/minutes/ */
  url: string;
  close(): Promise<void>;
  /** Body bytes sent so far (after compression), per request path; reset with `transferred.clear()`. */
  transferred: Map<string, number>;
}

export interface ServeOptions {
  /** Gzip text responses when the browser asks (default), like most static hosts; false: like a bare one. */
  compress?: boolean;
  /** Also answer this path (e.g. '/__blank__/') with an empty page, so that no page of the site's own runs. */
  blankPage?: string;
}

export const BLANK_HTML = '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>blank</title></head><body></body></html>';

/** Serve `dir` at `base` (e.g. '/minutes/') on 127.0.0.1 with a random port. */
export async function serveDist(dir: string, base = '/', { compress = true, blankPage }: ServeOptions = {}): Promise<DistServer> {
  const root = path.resolve(dir);
  const prefix = `/${base.replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');
  const transferred = new Map<string, number>();

  const send = (req: IncomingMessage, res: ServerResponse, status: number, file: string) => {
    let body: Buffer = readFileSync(file);
    const type = TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
    res.statusCode = status;
    res.setHeader('Content-Type', type);
    res.setHeader('Cache-Control', 'no-cache');
    if (compress && COMPRESSIBLE.test(type) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
      body = gzipSync(body);
      res.setHeader('Content-Encoding', 'gzip');
    }
    res.setHeader('Content-Length', body.length);
    const key = (req.url ?? '/').split('?')[0]!;
    transferred.set(key, (transferred.get(key) ?? 0) + body.length);
    res.end(req.method === 'HEAD' ? undefined : body);
  };

  const server = createServer((req, res) => {
    const notFound = () => {
      const page = path.join(root, '404.html');
      if (existsSync(page)) return send(req, res, 404, page);
      res.statusCode = 404;
      res.end('not found');
    };
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    } catch {
      res.statusCode = 400;
      return res.end('bad request');
    }
    if (pathname === blankPage) {
      res.setHeader('Content-Type', TYPES['.html']!);
      return res.end(BLANK_HTML);
    }
    if (pathname === prefix.slice(0, -1)) {
      res.statusCode = 301;
      res.setHeader('Location', prefix);
      return res.end();
    }
    if (!pathname.startsWith(prefix)) return notFound();
    const file = path.resolve(root, `.${pathname.slice(prefix.length - 1)}`);
    if (file !== root && !file.startsWith(root + path.sep)) return notFound();
    if (existsSync(file) && statSync(file).isFile()) return send(req, res, 200, file);
    if (existsSync(path.join(file, 'index.html'))) {
      if (!pathname.endsWith('/')) {
        res.statusCode = 301;
        res.setHeader('Location', `${pathname}/${new URL(req.url ?? '/', 'http://x').search}`);
        return res.end();
      }
      return send(req, res, 200, path.join(file, 'index.html'));
    }
    if (existsSync(`${file}.html`)) return send(req, res, 200, `${file}.html`);
    return notFound();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    transferred,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((e) => (e ? reject(e) : resolve()));
      }),
  };
}

/** Headless Debian Chromium; never downloads a browser. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

