import { describe, expect, it } from 'vitest';
import { computeCharges } from '../../src/execution/charges.js';
import { chargeRatesSchema, defaultChargeRates } from '../../src/execution/charges-config.js';

describe('computeCharges', () => {
  it('itemises a BUY of 100 at ₹2,500 (turnover ₹2,50,000)', () => {
    expect(computeCharges('BUY', 100, 250_000, defaultChargeRates), [
      'brokerage min(₹20, 0.03% = ₹75) = 2000 paise',
      'exchange 0.00297% of 25,000,000 = 742.5 → 743', 'SEBI 0.0001% = 25', 'stamp 0.003% = 750 (buy only)',
      'GST 18% × (2000 + 743 + 25) = 498.24 → 498', 'total 4016',
    ].join('; ')).toEqual({ brokerage: 2000, stt: 0, exchangeTxn: 743, sebiFee: 25, stampDuty: 750, gst: 498, total: 4016 });
  });

  it('charges STT and no stamp duty on the SELL side', () => {
    expect(computeCharges('SELL', 100, 250_000, defaultChargeRates), 'STT 0.025% of 25,000,000 = 6250')
      .toEqual({ brokerage: 2000, stt: 6250, exchangeTxn: 743, sebiFee: 25, stampDuty: 0, gst: 498, total: 9516 });
  });

  it('uses the 0.03% brokerage when it is below the flat ₹20', () => {
    expect(computeCharges('BUY', 10, 10_000, defaultChargeRates), 'turnover 100,000 paise: brokerage 30, exch 2.97→3, SEBI 0.1→0, stamp 3, GST 18% × 33 = 5.94→6')
      .toEqual({ brokerage: 30, stt: 0, exchangeTxn: 3, sebiFee: 0, stampDuty: 3, gst: 6, total: 42 });
  });

  it('applies custom rates from config and refuses unknown keys', () => {
    const zeroBrokerage = chargeRatesSchema.parse({ brokerageFlatPaise: 0 });
    expect(computeCharges('BUY', 100, 250_000, zeroBrokerage)).toMatchObject({ brokerage: 0, gst: 138 });
    expect(chargeRatesSchema.safeParse({ brokerage: 1 }).success).toBe(false);
  });
});
