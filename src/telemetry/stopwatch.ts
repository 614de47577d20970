/** High-resolution monotonic milliseconds, for measuring only: never feeds a decision (allowlisted). */
export const stopwatchMs = (): number => performance.now();
