import type { GridParam, GridValue } from './grid-spec.js';
import { stableHash } from './stable-hash.js';

/** One point of the grid: its position in the expansion, a stable id and the value of every swept path. */
export interface Combination {
  readonly index: number;
  /** `c` + 12 hex of the SHA-256 of its params (canonical JSON): the same params always give the same id. */
  readonly id: string;
  readonly params: Readonly<Record<string, GridValue>>;
}

export const combinationId = (params: Readonly<Record<string, GridValue>>): string => `c${stableHash(params).slice(0, 12)}`;

/** The cartesian product in a stable order: the first parameter of the file varies slowest, values in file order. */
export const expandGrid = (params: readonly GridParam[]): Combination[] => {
  let points: Record<string, GridValue>[] = [{}];
  for (const p of params) points = points.flatMap((pt) => p.values.map((v) => ({ ...pt, [p.path]: v })));
  return points.map((pt, index) => ({ index, id: combinationId(pt), params: Object.freeze(pt) }));
};
