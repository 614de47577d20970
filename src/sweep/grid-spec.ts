import type { MetricName } from './metrics.js';

/** A JSON value as a grid may hold it. */
export type GridValue = string | number | boolean | null | readonly GridValue[] | { readonly [k: string]: GridValue };

/** One swept config path (dotted, e.g. `scanners.ema-crossover.params.fast`) and the values it takes, in file order. */
export interface GridParam {
  readonly path: string;
  readonly values: readonly GridValue[];
}

/** Walk-forward windows, in trading days: optimise on `train`, test on the next `test`, move on by `step`. */
export interface WalkForwardSpec {
  readonly train: number;
  readonly test: number;
  readonly step: number;
}

export interface GridRange {
  readonly from?: string;
  readonly to?: string;
  readonly symbols?: readonly string[];
}

/** A parsed grid file. */
export interface GridSpec {
  readonly params: readonly GridParam[];
  readonly range: GridRange;
  readonly metric: MetricName;
  readonly top: number;
  readonly walkForward?: WalkForwardSpec;
}
