/** Output folders compared file by file. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** Every file below a folder with its bytes, by path relative to it (with `/`). */
export function filesBelow(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) out.set(path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'), readFileSync(path.join(e.parentPath, e.name)));
  }
  return out;
}
