import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DuckDbStore } from '../../../src/store/duckdb-store.js';
import { ingestFiles } from '../../../src/store/ingest/index.js';
import { qualityReport, symbolSummary } from '../../../src/store/quality/index.js';
import { useTempDir } from '../../support/temp-dir.js';

const istTime = (i: number) => {
  const m = 555 + i;
  return `2025-01-06 ${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}:00`;
};

describe('data quality metrics', () => {
  const tmp = useTempDir();

  it('scores a day of 370 valid bars, 2 rejects and one outlier return', async () => {
    const rows = Array.from({ length: 370 }, (_, i) => {
      const c = (100 + 0.5 * Math.sin(i * 0.7)) * (i >= 200 ? 1.05 : 1);
      return `INFY,${istTime(i)},${c.toFixed(4)},${(c + 0.1).toFixed(4)},${(c - 0.1).toFixed(4)},${c.toFixed(4)},500`;
    });
    const bad = [`INFY,2025-01-06 15:10:00,100,99,101,100,5`, `INFY,2025-01-06 15:11:00,100,101,99,100,-1`];
    const file = join(tmp(), 'infy.csv');
    writeFileSync(file, ['symbol,timestamp,open,high,low,close,volume', ...rows, ...bad].join('\n'));
    const s = await DuckDbStore.open(join(tmp(), 'q.duckdb'));
    await ingestFiles(s, [file]);
    const [r] = await qualityReport(s.connection, { symbol: 'INFY' });
    expect(r).toEqual({
      symbol: 'INFY', date: '2025-01-06', total_records: 372, valid_records: 370, missing_data_pct: 1.33, outlier_count: 1,
      data_quality_score: 0.95,
    });
    expect(r?.data_quality_score, '(370/372) × (1 − 5/375) × (1 − 10 × 1/370) = 0.9548').toBeCloseTo((370 / 372) * (1 - 5 / 375) * (1 - 10 / 370), 2);
    expect(await symbolSummary(s.connection, {})).toEqual([{ symbol: 'INFY', sector: null, first_bar: '2025-01-06 09:15', last_bar: '2025-01-06 15:24', days: 1, bars: 370 }]);
    s.close();
  });
});
