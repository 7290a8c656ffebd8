export { renderFigure, type RenderedFigure } from './figure/render-figure.js';
export { tableToCsv } from './table/table-to-csv.js';
export { writeReport } from './html/write-report.js';
export { checkReportInBrowser, type BrowserCheck, type BrowserCheckOptions } from './browser/check-report-in-browser.js';
export type { ReportFiles, ReportInput } from './report-input.js';
