import { IST_OFFSET_MS } from '../core/index.js';

const inr = new Intl.NumberFormat('en-IN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const count = new Intl.NumberFormat('en-IN', { maximumFractionDigits: 0 });

/** Integer paise as rupees with Indian digit grouping: 123456789 → "12,34,567.89". */
export const formatRupees = (paise: number): string => inr.format(paise / 100);

export const formatCount = (n: number): string => count.format(n);

/** A fraction as a percentage: 0.0523 → "5.23 %". */
export const formatFraction = (f: number, digits = 2): string => `${(f * 100).toFixed(digits)} %`;

/** Epoch ms as IST wall time "YYYY-MM-DD HH:MM". */
export const formatIst = (ms: number): string => new Date(ms + IST_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');

/** A bar size in words: 1 → "1-minute", 90 → "90-minute", 1440 → "1-day". */
export const formatMinutes = (m: number): string => (m >= 1440 && m % 1440 === 0 ? `${m / 1440}-day` : `${m}-minute`);

/** CSS class for the sign of a money value. */
export const signClass = (v: number): string => (v > 0 ? 'pos' : v < 0 ? 'neg' : '');
