import { IST_OFFSET_MS } from '../core/index.js';

/** Chart time in seconds, shifted by +05:30 so that the chart's (UTC) axis reads IST wall time. */
export const chartTime = (ms: number): number => Math.floor((ms + IST_OFFSET_MS) / 1000);

/** Rupees from integer paise, for charts. */
export const rupees = (paise: number): number => paise / 100;
