import type { Side } from '../core/index.js';
import type { ChargeRates } from './charges-config.js';

/** Charges of one executed order leg, each in integer paise. */
export interface Charges {
  readonly brokerage: number;
  readonly stt: number;
  readonly exchangeTxn: number;
  readonly sebiFee: number;
  readonly stampDuty: number;
  readonly gst: number;
  readonly total: number;
}

export const zeroCharges: Charges = { brokerage: 0, stt: 0, exchangeTxn: 0, sebiFee: 0, stampDuty: 0, gst: 0, total: 0 };

/** Half away from zero, to the paisa. */
const paisa = (x: number): number => Math.sign(x) * Math.round(Math.abs(x));

/**
 * NSE intraday charges for one executed leg: brokerage min(flat, pct of turnover); STT on the sell side; exchange
 * transaction charge and SEBI fee on turnover; stamp duty on the buy side; GST on brokerage + exchange + SEBI.
 * Each component is rounded to the paisa; GST is computed on the rounded components; total is their sum.
 */
export const computeCharges = (side: Side, qty: number, pricePaise: number, r: ChargeRates): Charges => {
  const turnover = qty * pricePaise;
  const pct = (p: number): number => (turnover * p) / 100;
  const brokerage = paisa(Math.min(r.brokerageFlatPaise, pct(r.brokeragePct)));
  const stt = side === 'SELL' ? paisa(pct(r.sttSellPct)) : 0;
  const exchangeTxn = paisa(pct(r.exchangeTxnPct));
  const sebiFee = paisa(pct(r.sebiFeePct));
  const stampDuty = side === 'BUY' ? paisa(pct(r.stampDutyBuyPct)) : 0;
  const gst = paisa(((brokerage + exchangeTxn + sebiFee) * r.gstPct) / 100);
  return { brokerage, stt, exchangeTxn, sebiFee, stampDuty, gst, total: brokerage + stt + exchangeTxn + sebiFee + stampDuty + gst };
};

export const addCharges = (a: Charges, b: Charges): Charges => ({
  brokerage: a.brokerage + b.brokerage, stt: a.stt + b.stt, exchangeTxn: a.exchangeTxn + b.exchangeTxn, sebiFee: a.sebiFee + b.sebiFee,
  stampDuty: a.stampDuty + b.stampDuty, gst: a.gst + b.gst, total: a.total + b.total,
});
