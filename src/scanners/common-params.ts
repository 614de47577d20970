import { z } from 'zod';

/** Stop and target parameters shared by scanners without a natural stop: ATR-based stop, target by reward:risk. */
export const exitParams = {
  atrPeriod: z.number().int().min(2).max(200).default(14),
  atrStopMult: z.number().positive().max(20).default(1.5),
  rewardRisk: z.number().positive().max(20).default(2),
};
