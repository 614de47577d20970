import type { Observable } from 'rxjs';
import type { Bar } from '../types/bar.js';

/** Where bars come from: the live feed's aggregator or a DuckDB replay. */
export interface BarSource {
  readonly bars$: Observable<Bar>;
  start(): Promise<void>;
  stop(): Promise<void>;
}
