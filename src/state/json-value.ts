import { StateError } from './errors.js';

/** JSON text of a state value, or undefined when it has none (undefined, a function, a throwing toJSON, a cycle, a BigInt). */
export const toJsonText = (value: unknown): string | undefined => {
  try {
    return JSON.stringify(value);
  } catch {
    return undefined;
  }
};

/** Parses a stored value; a value that is not JSON is a corrupt entry. */
export const fromJsonText = (key: string, text: string): unknown => {
  try {
    return JSON.parse(text) as unknown;
  } catch (cause) {
    throw new StateError('STATE_VALUE_CORRUPT', `state entry ${key} is not JSON`, { key }, { cause });
  }
};
