import { InvalidArgumentError } from 'commander';

export const intOption = (name: string, min: number) => (v: string): number => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < min) throw new InvalidArgumentError(`${name} must be an integer >= ${min}`);
  return n;
};

export const listOption = (v: string): string[] => v.split(',').map((s) => s.trim()).filter((s) => s.length > 0);

export const dateOption = (v: string): string => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(Date.parse(`${v}T00:00:00Z`))) throw new InvalidArgumentError('expected a date YYYY-MM-DD');
  return v;
};
