import { describe, expect, it } from 'vitest';
import { PerSymbol, orZero } from '../../../src/scanners/indicators/per-symbol.js';

describe('PerSymbol', () => {
  it('reads `empty` for an id never set, at any id, without changing what is set', () => {
    const p = new PerSymbol(50, 4);
    expect([p.get(0), p.get(3), p.get(1_000)]).toEqual([50, 50, 50]);
    p.set(2, 7.25);
    expect([p.get(1), p.get(2), p.get(4)]).toEqual([50, 7.25, 50]);
    expect(Number.isNaN(new PerSymbol(Number.NaN).get(9))).toBe(true);
  });

  it('grows past its initial size, keeping every value set and filling the new ids with `empty`', () => {
    const p = new PerSymbol(-1, 2);
    const values = [0.1, -3, 1736150160000, Number.NaN];
    values.forEach((v, id) => p.set(id, v));
    p.set(37, 42);
    expect([0, 1, 2].map((id) => p.get(id))).toEqual(values.slice(0, 3));
    expect(Number.isNaN(p.get(3)), 'a NaN set stays NaN').toBe(true);
    expect([p.get(4), p.get(36), p.get(37), p.get(38), p.get(500)]).toEqual([-1, -1, 42, -1, -1]);
  });

  it('holds doubles exactly (no float32 rounding) and 0 as a fill', () => {
    const p = new PerSymbol(0);
    p.set(5, 0.1 + 0.2);
    expect(p.get(5)).toBe(0.1 + 0.2);
    expect(p.get(6)).toBe(0);
  });

  it('orZero reads an unset NaN as 0 and passes any number through', () => {
    expect([orZero(Number.NaN), orZero(0), orZero(-2.5), orZero(205430)]).toEqual([0, 0, -2.5, 205430]);
  });
});
