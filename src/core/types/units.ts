/** UTC milliseconds since the Unix epoch. */
export type EpochMs = number & { readonly __unit: 'EpochMs' };
/** Money and prices as an integer count of paise (1 rupee = 100 paise). */
export type Paise = number & { readonly __unit: 'Paise' };
/** A whole number of shares. */
export type Qty = number & { readonly __unit: 'Qty' };

export const epochMs = (n: number): EpochMs => n as EpochMs;
export const paise = (n: number): Paise => n as Paise;
export const qty = (n: number): Qty => n as Qty;

/** Rupees (a decimal number, as in CSV files and DuckDB DECIMAL columns) to integer paise. */
export const rupeesToPaise = (rupees: number): Paise => Math.round(rupees * 100) as Paise;
/** Integer paise to rupees for display and DECIMAL columns. */
export const paiseToRupees = (p: number): number => p / 100;
