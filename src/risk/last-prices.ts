/** The close of each symbol's latest bar, by dense symbol id (the hot-path key). */
export class LastPrices {
  readonly #paise: number[] = [];

  set(symbolId: number, pricePaise: number): void {
    this.#paise[symbolId] = pricePaise;
  }

  get(symbolId: number): number | undefined {
    return this.#paise[symbolId];
  }
}
