import { type EpochMs, IST_OFFSET_MS, epochMs } from '../../core/index.js';

const IST_TEXT = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})/;

/** Dhan's `YYYY-MM-DD HH:MM:SS` IST wall time as UTC ms; undefined for the `0001-01-01` sentinel or junk. */
export const parseIstDateTime = (s: string | null | undefined): EpochMs | undefined => {
  const m = IST_TEXT.exec(s ?? '');
  if (m === null) return undefined;
  const [y, mo, d, h, mi, se] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  if (y < 1970) return undefined;
  return epochMs(Date.UTC(y, mo - 1, d, h, mi, se) - IST_OFFSET_MS);
};
