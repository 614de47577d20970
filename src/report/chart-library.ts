import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { ReportError } from './report-error.js';

/** The standalone production build of lightweight-charts: one script that defines the `LightweightCharts` global. */
export const CHART_LIBRARY_FILE = 'dist/lightweight-charts.standalone.production.js';

/** Reads the chart library's source from the installed package (the report module's only I/O). */
export const loadChartLibrary = (): string => {
  let path = CHART_LIBRARY_FILE;
  try {
    path = join(dirname(createRequire(import.meta.url).resolve('lightweight-charts/package.json')), CHART_LIBRARY_FILE);
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw new ReportError('REPORT_ASSET_MISSING', `cannot read the chart library ${path}: reinstall with npm ci`, { path }, { cause: e });
  }
};
