/** The report's only style sheet, inlined into report.html so that the page needs no other file. */
export const REPORT_STYLE = `
:root { color-scheme: light; }
body { font-family: "DejaVu Sans", system-ui, sans-serif; line-height: 1.45; color: #1a1a1a; background: #fff;
  max-width: 62rem; margin: 0 auto; padding: 1.5rem; }
h1 { font-size: 1.8rem; margin: 0 0 .3rem; }
h2 { border-bottom: 1px solid #c8c8c8; padding-bottom: .2rem; margin-top: 2.5rem; }
.subtitle { color: #555; margin-top: 0; }
.verdict { background: #f3f6fa; border-left: 4px solid #4c78a8; padding: .6rem .8rem; }
.test-id { color: #555; font-size: .9rem; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; margin: 1rem 0; font-size: .9rem; }
caption { caption-side: top; text-align: left; padding-bottom: .3rem; width: max-content; max-width: min(58rem, 92vw); }
th, td { border: 1px solid #d0d0d0; padding: .25rem .55rem; text-align: left; vertical-align: top; white-space: pre-line; }
th { background: #f0f0f0; }
td.number { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.missing { color: #888; }
figure { margin: 1.5rem 0; }
figure img { display: block; max-width: 100%; height: auto; }
figcaption { font-size: .9rem; margin-top: .4rem; }
.label { font-weight: bold; }
.files { margin-left: .5rem; font-size: .85rem; }
.files a { margin-right: .5rem; }
code { font-family: "DejaVu Sans Mono", monospace; font-size: .85em; overflow-wrap: anywhere; }
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; }
  nav, .files { display: none; }
  figure, tr { break-inside: avoid; }
  h2, h3, caption { break-after: avoid; }
  .table-wrap { overflow: visible; break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
  .verdict { border-left-color: #000; }
}
`;
