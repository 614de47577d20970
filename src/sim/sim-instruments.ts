import { SeededRandom } from '../core/index.js';

export interface SimInstrument {
  readonly symbol: string;
  readonly securityId: string;
  readonly exchangeSegment: 'NSE_EQ';
  /** Opening price in paise (a multiple of the 5-paise tick). */
  readonly basePaise: number;
}

/** A deterministic universe: SIM0001… with SecurityIds from 10001 and seeded prices between ₹100 and ₹3,000. */
export const simInstruments = (n: number, seed: number): SimInstrument[] => {
  const r = new SeededRandom(seed ^ 0x51ed);
  return Array.from({ length: n }, (_, i) => ({
    symbol: `SIM${String(i + 1).padStart(4, '0')}`,
    securityId: String(10_001 + i),
    exchangeSegment: 'NSE_EQ' as const,
    basePaise: 5 * Math.round((10_000 + r.next() * 290_000) / 5),
  }));
};
