import { describe, expect, it } from 'vitest';
import { istDay } from '../../src/core/index.js';
import { DuckDbStore } from '../../src/store/index.js';
import { configWith, generatedDb, replay } from '../support/replay-fixture.js';
import { useTempDir } from '../support/temp-dir.js';

const LIMIT_PAISE = 100_000; // ₹1,000 a day on ₹10,00,000 of capital: trips on most sample days
const tight = (flattenOnHalt: boolean) =>
  configWith((c) => {
    c.risk.killSwitch = { ...c.risk.killSwitch, maxDailyLossPaise: LIMIT_PAISE, maxDailyLossPct: null, maxDrawdownPct: null, reduceAfterConsecutiveLosses: null, flattenOnHalt };
  });

/** The first RISK_STATE_HALTED denial of each IST day of a run. */
const haltedFrom = async (db: string, runId: string): Promise<Map<number, number>> => {
  const s = await DuckDbStore.open(db, { readOnly: true });
  try {
    const rows = (await s.connection.runAndReadAll(
      `SELECT epoch_ms(timestamp)::DOUBLE FROM journal_denials WHERE run_id = $1 AND code = 'RISK_STATE_HALTED' ORDER BY seq`, [runId])).getRows();
    const first = new Map<number, number>();
    for (const [t] of rows) if (!first.has(istDay(Number(t)))) first.set(istDay(Number(t)), Number(t));
    return first;
  } finally {
    s.close();
  }
};

describe('kill switch in a replay', () => {
  const tmp = useTempDir();

  it('stops trading for the rest of the day once the daily loss limit is crossed, flattens, and trades again the next day', async () => {
    const db = await generatedDb(tmp());
    const r = await replay(db, tight(true));
    const halted = await haltedFrom(db, r.runId);
    expect(r.deniedByCode.RISK_STATE_HALTED, 'signals after the halt are denied, journaled and counted').toBeGreaterThan(0);
    expect([...halted.values()].length).toBe(halted.size);
    expect(halted.size, 'the limit trips on more than one day: it resets each session').toBeGreaterThan(1);
    const trades = r.results.trades;
    for (const t of trades) {
      const h = halted.get(istDay(Number(t.entryMs)));
      if (h === undefined) continue;
      expect(Number(t.entryMs), `trade ${t.tradeNo} entered before the halt`).toBeLessThan(h);
      expect(Number(t.exitMs), `trade ${t.tradeNo} flattened by the halt`).toBeLessThanOrEqual(h);
    }
    const haltedDays = [...halted.keys()].sort((a, b) => a - b);
    const first = haltedDays[0] ?? 0;
    expect(trades.some((t) => istDay(Number(t.entryMs)) > first), 'trading resumes on the day after a halt').toBe(true);
    expect(trades.filter((t) => t.exitReason === 'SQUARE_OFF').length).toBeGreaterThan(0);
  });

  it('without flattenOnHalt halts new entries but leaves open positions to their exits', async () => {
    const db = await generatedDb(tmp());
    const r = await replay(db, tight(false));
    const halted = await haltedFrom(db, r.runId);
    expect(halted.size).toBeGreaterThan(0);
    let heldPastHalt = 0;
    for (const t of r.results.trades) {
      const h = halted.get(istDay(Number(t.entryMs)));
      if (h === undefined) continue;
      expect(Number(t.entryMs), 'an entry sent before the halt (same bar time, earlier symbol) may still fill').toBeLessThanOrEqual(h);
      if (Number(t.exitMs) > h) heldPastHalt++;
    }
    expect(heldPastHalt, 'some position stayed open after the halt').toBeGreaterThan(0);
  });

  it('gives the same fingerprint twice with the kill switch tripping', async () => {
    const db = await generatedDb(tmp());
    const [a, b] = [await replay(db, tight(true), false), await replay(db, tight(true), false)];
    expect(a.deniedByCode.RISK_STATE_HALTED).toBeGreaterThan(0);
    expect(b.fingerprint).toBe(a.fingerprint);
  });
});
