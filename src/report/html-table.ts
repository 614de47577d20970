import { escapeHtml, jsonForScript } from './escape.js';
import { formatCount } from './format.js';

/** A cell: plain text, or text with a CSS class. Number columns sort by their text with digit grouping removed. */
export type TableCell = string | number | { readonly text: string; readonly cls: string };

export interface Column<R> {
  readonly label: string;
  /** Numeric columns are right-aligned and sort by number. */
  readonly num?: boolean;
  /** Numeric columns coloured by sign (profit green, loss red). */
  readonly signed?: boolean;
  readonly title?: string;
  readonly cell: (row: R) => TableCell;
}

const textOf = (c: TableCell): string => (typeof c === 'object' ? c.text : String(c));
const signOf = (text: string): string => {
  const v = Number.parseFloat(text.replace(/,/g, ''));
  return v > 0 ? 'pos' : v < 0 ? 'neg' : '';
};

const thead = <R>(columns: readonly Column<R>[]): string => `<thead><tr>${columns.map((c) =>
  `<th scope="col" tabindex="0"${c.num ? ' data-type="num" class="num"' : ''}${c.title ? ` title="${escapeHtml(c.title)}"` : ''}>${escapeHtml(c.label)}</th>`).join('')}</tr></thead>`;

const td = <R>(column: Column<R>, cell: TableCell): string => {
  const text = textOf(cell);
  const cls = [column.num ? 'num' : '', typeof cell === 'object' ? cell.cls : '', column.signed ? signOf(text) : ''].filter((c) => c.length > 0).join(' ');
  return `<td${cls ? ` class="${cls}"` : ''}>${escapeHtml(text)}</td>`;
};

const row = <R>(columns: readonly Column<R>[], cells: readonly TableCell[]): string =>
  `<tr>${columns.map((c, i) => td(c, cells[i] ?? '')).join('')}</tr>`;

/** A small HTML table whose rows the inline script sorts when a header is clicked. */
export const sortableTable = <R>(id: string, columns: readonly Column<R>[], rows: readonly R[]): string =>
  `<table id="${escapeHtml(id)}" class="sortable">${thead(columns)}<tbody>\n${rows.map((r) => row(columns, columns.map((c) => c.cell(r)))).join('\n')}\n</tbody></table>`;

/**
 * A long table shown a page at a time: the first page is HTML, every row's text is in a JSON block, and the inline
 * script sorts all rows (not just the page shown) and renders the page asked for.
 */
export const pagedTable = <R>(id: string, columns: readonly Column<R>[], rows: readonly R[], pageSize: number): string => {
  const cells = rows.map((r) => columns.map((c) => c.cell(r)));
  const signed = columns.map((c) => c.signed === true);
  const first = cells.slice(0, pageSize).map((r) => row(columns, r)).join('\n');
  const info = `rows 1–${formatCount(Math.min(pageSize, rows.length))} of ${formatCount(rows.length)}`;
  return `<div class="pager"><button type="button" data-pager="${escapeHtml(id)}" data-step="-1">‹ previous</button>
<span id="${escapeHtml(id)}-page">${info}</span>
<button type="button" data-pager="${escapeHtml(id)}" data-step="1">next ›</button></div>
<div class="scroll tall"><table id="${escapeHtml(id)}" class="sortable" data-rows="${escapeHtml(id)}-rows" data-page-size="${pageSize}" data-signed="${escapeHtml(JSON.stringify(signed))}">${thead(columns)}<tbody>
${first}
</tbody></table></div>
<script type="application/json" id="${escapeHtml(id)}-rows">${jsonForScript(cells.map((r) => r.map(textOf)))}</script>`;
};

/** A two-column table of label and value. */
export const keyValueTable = (rows: readonly (readonly [string, string])[]): string =>
  `<table class="kv"><tbody>${rows.map(([k, v]) => `<tr><th scope="row">${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`).join('')}</tbody></table>`;
