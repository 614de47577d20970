import type { MarketDayTimes } from '../core/time/market-day-plan.js';
import type { EngineConfig } from './schema.js';

/** The market day's times from their single homes in the config (feed hours, execution session, schedule). */
export const marketDayTimesOf = (c: Readonly<EngineConfig>): MarketDayTimes => ({
  warmUp: c.schedule.warmUp,
  open: c.feed.marketOpen,
  entryCutoff: c.execution.session.entriesUntil,
  squareOff: c.execution.session.squareOff,
  close: c.feed.marketClose,
  eodSummary: c.schedule.eodSummary,
});
