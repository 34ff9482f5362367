import { randomBytes } from 'node:crypto';
import type { Element } from 'hast';
import type { VFile } from 'vfile';
import type { RenderOptions } from './options.ts';

/**
 * Per-call render state. The unified processor is frozen and shared by every
 * file, so what one call needs (its options, the trusted marks it handed
 * out, the raw tags it kept open) travels in the vfile's data.
 */
export type RenderMode = 'minutes' | 'fragment';
export type CalloutKind = 'info' | 'warning' | 'success' | 'danger';
export type Mark = { kind: 'heading'; anchor: string } | { kind: 'callout'; type: CalloutKind };

export interface RenderState {
  mode: RenderMode;
  options: RenderOptions;
  marks: Mark[];
  /** Tag names whose opening tag (with attributes) was kept as HTML, so the closing tag is kept too. */
  keptOpen: Set<string>;
  /** Headings given their anchor after sanitizing (heading-ids.ts): their ids win over ids from raw HTML. */
  anchoredHeadings: Set<Element>;
}

declare module 'vfile' {
  interface DataMap {
    render: RenderState;
  }
}

export function newRenderState(mode: RenderMode, options: RenderOptions): RenderState {
  return { mode, options, marks: [], keptOpen: new Set(), anchoredHeadings: new Set() };
}

export function renderState(file: VFile): RenderState {
  const state = file.data.render;
  if (!state) throw new Error('render state missing from the vfile (call the renderer through render.ts)');
  return state;
}

/**
 * Markers that must survive the sanitizer (headings, containers) travel as an
 * `id` with a per-process random nonce, which the sanitizer only prefixes
 * with `user-content-`: minutes cannot forge a trusted mark.
 */
const MARK = `m${randomBytes(6).toString('hex')}-`;
const MARK_ID = `user-content-${MARK}`;

/** The `id` to put on an mdast node's hProperties so that `markOf` finds `m` after sanitizing. */
export function mark(state: RenderState, m: Mark): string {
  state.marks.push(m);
  return `${MARK}${state.marks.length - 1}`;
}

/** The mark a sanitized element's id stands for, if it is one of ours. */
export function markOf(state: RenderState, id: unknown): Mark | undefined {
  if (typeof id !== 'string' || !id.startsWith(MARK_ID)) return undefined;
  return state.marks[Number(id.slice(MARK_ID.length))];
}

/** Whether an id is one of our marks (resolved or not). */
export function isMarkId(id: unknown): boolean {
  return typeof id === 'string' && id.startsWith(MARK_ID);
}
