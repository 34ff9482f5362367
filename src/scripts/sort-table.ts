/**
 * Sortable tables, as progressive enhancement: the table is complete, server-
 * sorted HTML; this script only turns each `<th data-sort="text|number|date">`
 * of a `table[data-sortable]` into a button that reorders the rows and sets
 * `aria-sort`. Without JS the headers stay plain text (no dead buttons).
 *
 * Cells may carry the value to sort by in `data-value` (e.g. a count or an ISO
 * date); otherwise their text is used. Numbers and dates sort largest / newest
 * first on the first click, text A→Z; a second click reverses.
 */
type Kind = 'text' | 'number' | 'date';

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

function cellValue(row: HTMLTableRowElement, col: number): string {
  const cell = row.cells[col];
  if (!cell) return '';
  return cell.dataset['value'] ?? cell.textContent?.trim() ?? '';
}

function compare(kind: Kind, a: string, b: string): number {
  if (kind === 'number') return (Number(a) || 0) - (Number(b) || 0);
  if (kind === 'date') {
    // Empty (undated) always sorts last, whatever the direction: handled by the caller.
    return a < b ? -1 : a > b ? 1 : 0;
  }
  return collator.compare(a, b);
}

export function sortTable(table: HTMLTableElement, th: HTMLTableCellElement, direction: 'ascending' | 'descending'): void {
  const kind = (th.dataset['sort'] as Kind | undefined) ?? 'text';
  const col = th.cellIndex;
  const sign = direction === 'ascending' ? 1 : -1;
  for (const body of Array.from(table.tBodies)) {
    const rows = Array.from(body.rows).map((row, i) => ({ row, i, v: cellValue(row, col) }));
    rows.sort((x, y) => {
      if (x.v === '' && y.v !== '') return 1;
      if (y.v === '' && x.v !== '') return -1;
      // Ties keep the order the table was last in (stable), so sorts compose.
      return sign * compare(kind, x.v, y.v) || x.i - y.i;
    });
    body.append(...rows.map((r) => r.row));
  }
  for (const other of Array.from(table.querySelectorAll<HTMLTableCellElement>('thead th[data-sort]'))) {
    if (other === th) other.setAttribute('aria-sort', direction);
    else other.removeAttribute('aria-sort');
  }
}

/** Enhance every `table[data-sortable]` under `root` (idempotent). */
export function initSortTables(root: ParentNode = document): void {
  for (const table of Array.from(root.querySelectorAll<HTMLTableElement>('table[data-sortable]'))) {
    if (table.dataset['sortReady']) continue;
    table.dataset['sortReady'] = '1';
    for (const th of Array.from(table.querySelectorAll<HTMLTableCellElement>('thead th[data-sort]'))) {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'sort-button';
      button.append(...Array.from(th.childNodes));
      const label = th.dataset['sortLabel'];
      if (label) button.title = `Sort by ${label}`;
      th.append(button);
      button.addEventListener('click', () => {
        const current = th.getAttribute('aria-sort');
        const first = th.dataset['sort'] === 'text' || !th.dataset['sort'] ? 'ascending' : 'descending';
        const next = current === null ? first : current === 'ascending' ? 'descending' : 'ascending';
        sortTable(table, th, next);
      });
    }
  }
}
