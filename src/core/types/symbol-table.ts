/** Maps symbols to dense integer ids (sorted by name, so ids are deterministic for a given universe). */
export class SymbolTable {
  readonly #ids = new Map<string, number>();
  readonly #names: string[] = [];

  constructor(symbols: Iterable<string> = []) {
    for (const s of [...new Set(symbols)].sort()) this.add(s);
  }

  /** Returns the id of `symbol`, adding it at the end when it is new. */
  add(symbol: string): number {
    const known = this.#ids.get(symbol);
    if (known !== undefined) return known;
    const id = this.#names.length;
    this.#ids.set(symbol, id);
    this.#names.push(symbol);
    return id;
  }

  id(symbol: string): number | undefined {
    return this.#ids.get(symbol);
  }

  name(id: number): string {
    const n = this.#names[id];
    if (n === undefined) throw new RangeError(`unknown symbol id ${id}`);
    return n;
  }

  get size(): number {
    return this.#names.length;
  }

  get names(): readonly string[] {
    return this.#names;
  }
}
