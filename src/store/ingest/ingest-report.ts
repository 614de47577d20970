import type { DuckDBConnection } from '@duckdb/node-api';

export interface FileCounts {
  readonly file: string;
  readonly rows: number;
  readonly accepted: number;
  readonly duplicates: number;
  readonly rejected: number;
  readonly rejectedByReason: Readonly<Record<string, number>>;
}

export interface IngestReport {
  readonly ingestId: string;
  readonly files: readonly FileCounts[];
  readonly totals: FileCounts;
}

/** Counts per file from the staging tables of the current ingest. */
export const buildReport = async (c: DuckDBConnection, ingestId: string): Promise<IngestReport> => {
  const rows = (await c.runAndReadAll(`SELECT f.file_idx, f.file, k.final_reason, count(*)::INTEGER,
        count(*) FILTER (k.present)::INTEGER
      FROM ing_checked k JOIN ing_files f USING (file_idx)
      GROUP BY ALL ORDER BY 1, 3 NULLS FIRST`)).getRows();
  const files = new Map<number, { file: string; rows: number; accepted: number; duplicates: number; rejected: number; rejectedByReason: Record<string, number> }>();
  const fileNames = (await c.runAndReadAll(`SELECT file_idx, file FROM ing_files ORDER BY 1`)).getRows();
  for (const [idx, file] of fileNames) files.set(Number(idx), { file: String(file), rows: 0, accepted: 0, duplicates: 0, rejected: 0, rejectedByReason: {} });
  for (const [idx, , reason, n, present] of rows) {
    const f = files.get(Number(idx));
    if (f === undefined) continue;
    f.rows += Number(n);
    if (reason === null) {
      f.duplicates += Number(present);
      f.accepted += Number(n) - Number(present);
    } else {
      f.rejected += Number(n);
      f.rejectedByReason[String(reason)] = Number(n);
    }
  }
  const list = [...files.values()];
  const totals = list.reduce<FileCounts>((t, f) => ({
    file: '(total)', rows: t.rows + f.rows, accepted: t.accepted + f.accepted, duplicates: t.duplicates + f.duplicates, rejected: t.rejected + f.rejected,
    rejectedByReason: mergeCounts(t.rejectedByReason, f.rejectedByReason),
  }), { file: '(total)', rows: 0, accepted: 0, duplicates: 0, rejected: 0, rejectedByReason: {} });
  return { ingestId, files: list, totals };
};

const mergeCounts = (a: Readonly<Record<string, number>>, b: Readonly<Record<string, number>>): Record<string, number> => {
  const out: Record<string, number> = { ...a };
  for (const [k, v] of Object.entries(b)) out[k] = (out[k] ?? 0) + v;
  return out;
};
