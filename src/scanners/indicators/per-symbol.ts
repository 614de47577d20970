/**
 * One number per symbol id (ids are dense, from the SymbolTable), in a Float64Array that grows on demand; `empty`
 * for an id never set. Not a plain `number[]`: a symbol's state is a double, and a read from a holey double array
 * comes out boxed (a 16-byte heap number per read on the per-bar path), while a typed array's does not.
 */
export class PerSymbol {
  #values: Float64Array;

  constructor(readonly empty: number, initialSize = 64) {
    this.#values = new Float64Array(Math.max(1, initialSize)).fill(empty);
  }

  get(id: number): number {
    const a = this.#values;
    return id < a.length ? (a[id] as number) : this.empty;
  }

  set(id: number, value: number): void {
    if (id >= this.#values.length) this.#grow(id);
    this.#values[id] = value;
  }

  #grow(id: number): void {
    const next = new Float64Array(Math.max(id + 1, this.#values.length * 2)).fill(this.empty);
    next.set(this.#values);
    this.#values = next;
  }
}

/** A `PerSymbol(NaN)` read as 0 while unset (what `?? 0` did for a plain array). */
export const orZero = (v: number): number => (Number.isNaN(v) ? 0 : v);
