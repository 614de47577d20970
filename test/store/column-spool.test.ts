import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ColumnSpool, SPOOL_BLOCK_ROWS } from '../../src/store/column-spool.js';
import { DuckDbStore } from '../../src/store/duckdb-store.js';
import { useTempDir } from '../support/temp-dir.js';

const rows = async (s: DuckDbStore, sql: string): Promise<unknown[][]> => (await s.connection.runAndReadAll(sql)).getRows();

const EPOCH = 1_736_135_100_000;

/** The row `i` the spool is fed: an int that changes sign, an awkward double and an epoch-ms double. */
const expected = (i: number): [number, number, number] => [i % 2 === 0 ? i : -i, (0.1 + 0.2) * i - 0.5, EPOCH + i * 60_000];

/** A spool of columns n (INTEGER), x (DOUBLE), at_ms (DOUBLE) holding `n` rows of `expected`, written as the hot path does. */
const filled = (path: string, n: number): ColumnSpool => {
  const spool = new ColumnSpool(path, [['n', 'INTEGER'], ['x', 'DOUBLE'], ['at_ms', 'DOUBLE']]);
  const ns = spool.int32(0);
  const xs = spool.float64(1);
  const ats = spool.float64(2);
  for (let i = 0; i < n; i++) {
    const r = spool.row();
    const [a, b, c] = expected(i);
    ns[r] = a;
    xs[r] = b;
    ats[r] = c;
  }
  return spool;
};

describe('ColumnSpool', () => {
  const tmp = useTempDir();
  let store: DuckDbStore | undefined;
  afterEach(() => {
    store?.close();
    store = undefined;
  });
  const open = async (): Promise<DuckDbStore> => (store = await DuckDbStore.open(join(tmp(), 'a.duckdb')));

  it.each([1, SPOOL_BLOCK_ROWS - 1, SPOOL_BLOCK_ROWS, SPOOL_BLOCK_ROWS + 1, 2 * SPOOL_BLOCK_ROWS, 5000])(
    'loads every value exactly and in order when %i rows are spooled',
    async (n) => {
      const s = await open();
      const spool = filled(join(tmp(), 'a.spool'), n);
      expect(spool.rowCount, 'the pending block counts before it is written').toBe(n);
      await spool.load(s.connection, 'spooled');
      const got = await rows(s, 'SELECT n, x, at_ms FROM spooled ORDER BY rowid');
      expect(got.length).toBe(n);
      expect(got, 'rowid order is the order the rows were written').toEqual(Array.from({ length: n }, (_, i) => expected(i)));
    },
  );

  it('keeps doubles bit-exact when values are awkward, negative, tiny or huge', async () => {
    const s = await open();
    const values = [0.1 + 0.2, -0.1, -1e-300, Number.MIN_VALUE, Number.MAX_VALUE, 2 ** 53 + 2, EPOCH, -EPOCH, 1 / 3];
    const ints = [0, -1, 2_147_483_647, -2_147_483_648, 1, 2, 3, 4, 5];
    const spool = new ColumnSpool(join(tmp(), 'a.spool'), [['d', 'DOUBLE'], ['i', 'INTEGER']]);
    const ds = spool.float64(0);
    const is = spool.int32(1);
    values.forEach((v, k) => {
      const r = spool.row();
      ds[r] = v;
      is[r] = ints[k] ?? 0;
    });
    await spool.load(s.connection, 'exact');
    expect(await rows(s, 'SELECT d, i FROM exact ORDER BY rowid'), 'the int32 extremes survive too').toEqual(values.map((v, k) => [v, ints[k]]));
  });

  it('counts rows across blocks when rows are added one by one', () => {
    const spool = filled(join(tmp(), 'a.spool'), SPOOL_BLOCK_ROWS);
    expect(spool.rowCount).toBe(SPOOL_BLOCK_ROWS);
    spool.row();
    expect(spool.rowCount, 'the full block was written out and a new one started').toBe(SPOOL_BLOCK_ROWS + 1);
    spool.close();
  });

  it('gives row indexes 0..2047 then starts again at 0 when a block is full', () => {
    const spool = new ColumnSpool(join(tmp(), 'a.spool'), [['n', 'INTEGER']]);
    const indexes = Array.from({ length: SPOOL_BLOCK_ROWS + 2 }, () => spool.row());
    expect(indexes.slice(0, SPOOL_BLOCK_ROWS)).toEqual(Array.from({ length: SPOOL_BLOCK_ROWS }, (_, i) => i));
    expect(indexes.slice(SPOOL_BLOCK_ROWS), 'the typed arrays are reused for the next block').toEqual([0, 1]);
    spool.close();
  });

  it('gives an empty table with the spool\'s columns when no row was written', async () => {
    const s = await open();
    const spool = filled(join(tmp(), 'a.spool'), 0);
    expect(spool.rowCount).toBe(0);
    await spool.load(s.connection, 'empty_t');
    expect(await rows(s, 'SELECT count(*)::INTEGER FROM empty_t')).toEqual([[0]]);
    expect(await rows(s, "SELECT column_name, data_type FROM duckdb_columns() WHERE table_name = 'empty_t' ORDER BY column_index")).toEqual([
      ['n', 'INTEGER'], ['x', 'DOUBLE'], ['at_ms', 'DOUBLE'],
    ]);
  });

  it('loads into a TEMP table when load is called', async () => {
    const s = await open();
    await filled(join(tmp(), 'a.spool'), 3).load(s.connection, 'scratch_t');
    expect(await rows(s, "SELECT temporary FROM duckdb_tables() WHERE table_name = 'scratch_t'"), 'nothing is written into the store file').toEqual([[true]]);
  });

  it('replaces the table when a table of that name already exists', async () => {
    const s = await open();
    await filled(join(tmp(), 'a.spool'), 5).load(s.connection, 'again');
    await filled(join(tmp(), 'b.spool'), 2).load(s.connection, 'again');
    expect(await rows(s, 'SELECT n FROM again ORDER BY rowid')).toEqual([[0], [-1]]);
  });

  it.each([
    ['asks int32 of a DOUBLE column', (sp: ColumnSpool) => sp.int32(1)],
    ['asks float64 of an INTEGER column', (sp: ColumnSpool) => sp.float64(0)],
    ['asks for a column past the last', (sp: ColumnSpool) => sp.float64(3)],
    ['asks for a negative column', (sp: ColumnSpool) => sp.int32(-1)],
  ])('throws RangeError when the caller %s', (_, take) => {
    const spool = filled(join(tmp(), 'a.spool'), 0);
    expect(() => take(spool)).toThrow(RangeError);
    expect(() => take(spool)).toThrow(/spool column -?\d+ is not (INTEGER|DOUBLE)/);
    spool.close();
  });

  it.each(['Bad', 'two words', 'x; DROP TABLE y', '1st', ''])('refuses the table name %j when loading', async (name) => {
    const s = await open();
    const spool = filled(join(tmp(), 'a.spool'), 3);
    await expect(spool.load(s.connection, name)).rejects.toThrow(RangeError);
    await expect(spool.load(s.connection, name)).rejects.toThrow(/bad spool table name/);
    expect(await rows(s, 'SELECT count(*)::INTEGER FROM duckdb_tables() WHERE temporary'), 'no table was made').toEqual([[0]]);
    spool.close();
  });

  it('loads each row once when close is called twice before load', async () => {
    const s = await open();
    const spool = filled(join(tmp(), 'a.spool'), SPOOL_BLOCK_ROWS + 10);
    spool.close();
    expect(() => spool.close(), 'a second close is a no-op').not.toThrow();
    await spool.load(s.connection, 'twice');
    expect(await rows(s, 'SELECT count(*)::INTEGER, sum(n)::BIGINT FROM twice')).toEqual([[SPOOL_BLOCK_ROWS + 10, BigInt(-(SPOOL_BLOCK_ROWS + 10) / 2)]]);
  });

  it('gives the same rows when loaded twice', async () => {
    const s = await open();
    const spool = filled(join(tmp(), 'a.spool'), 3000);
    await spool.load(s.connection, 'first');
    await spool.load(s.connection, 'second');
    expect(await rows(s, 'SELECT count(*)::INTEGER FROM (SELECT * FROM first EXCEPT ALL SELECT * FROM second)')).toEqual([[0]]);
    expect(await rows(s, 'SELECT count(*)::INTEGER FROM second')).toEqual([[3000]]);
  });

  it('counts only written rows when the last block was partial and the spool is closed', () => {
    const spool = filled(join(tmp(), 's.bin'), 5000);
    spool.close();
    expect(spool.rowCount, 'the padding of the last block is no row').toBe(5000);
  });

  it('refuses a row when the spool is closed', () => {
    const spool = filled(join(tmp(), 's.bin'), 3);
    spool.close();
    expect(() => spool.row()).toThrow(/closed spool/);
  });

  it('refuses a column name that is not a plain identifier', () => {
    expect(() => new ColumnSpool(join(tmp(), 's.bin'), [['a"b', 'INTEGER']])).toThrow(RangeError);
  });
});
