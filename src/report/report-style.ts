/** The report's stylesheet: a CSS grid of panels that reads on a laptop screen (about 1366 px) and wider. */
export const REPORT_STYLE = `
:root { --fg: #1f2328; --muted: #57606a; --border: #d0d7de; --pos: #1a7f37; --neg: #cf222e; --bg: #f6f8fa; }
* { box-sizing: border-box; }
body { margin: 0; font: 13px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); background: var(--bg); }
header { padding: 16px 24px 0; }
h1 { font-size: 20px; margin: 0 0 4px; }
h2 { font-size: 14px; margin: 0 0 8px; }
.sub, .note { color: var(--muted); margin: 4px 0 8px; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(140px, 1fr)); gap: 8px; padding: 8px 24px; max-width: 1600px; }
.card { background: #fff; border: 1px solid var(--border); border-radius: 6px; padding: 8px 12px; }
.card .label { color: var(--muted); font-size: 11px; text-transform: uppercase; letter-spacing: .03em; }
.card .value { font-size: 18px; font-weight: 600; font-variant-numeric: tabular-nums; }
main { display: grid; grid-template-columns: repeat(auto-fit, minmax(520px, 1fr)); gap: 12px; padding: 8px 24px 16px; max-width: 1600px; }
.panel { background: #fff; border: 1px solid var(--border); border-radius: 6px; padding: 12px; min-width: 0; }
.wide { grid-column: 1 / -1; }
.chart { height: 280px; }
.chart.tall { height: 380px; }
.legend { margin-top: 6px; color: var(--muted); }
.legend span { display: inline-flex; align-items: center; margin-right: 14px; }
.legend i { display: inline-block; width: 14px; height: 3px; margin-right: 5px; }
.pager { margin: 4px 0; color: var(--muted); }
.pager button { font: inherit; padding: 1px 8px; margin: 0 6px; }
.scroll { overflow: auto; max-height: 420px; }
.scroll.tall { max-height: 560px; }
table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
th, td { padding: 3px 6px; border-bottom: 1px solid #eaeef2; text-align: left; white-space: nowrap; }
thead th { position: sticky; top: 0; background: var(--bg); cursor: pointer; user-select: none; }
thead th:focus { outline: 2px solid #1f6feb; outline-offset: -2px; }
th.num, td.num { text-align: right; }
th[aria-sort=ascending]::after { content: " \\25B2"; }
th[aria-sort=descending]::after { content: " \\25BC"; }
.pos { color: var(--pos); }
.neg { color: var(--neg); }
table.kv th { font-weight: normal; color: var(--muted); width: 35%; }
table.kv td { white-space: normal; }
pre.config { max-height: 320px; overflow: auto; background: var(--bg); padding: 8px; font-size: 11px; }
footer { padding: 0 24px 24px; color: var(--muted); font-size: 11px; }
`;
