/**
 * The row checks, in order; the first failing one is the row's reject reason. Input columns are text
 * (`symbol`, `ts`, `open` … `volume`); `ts_utc` is the parsed UTC bar start. Session: 09:15 <= IST start < 15:30,
 * Monday to Friday.
 */
export const REJECT_REASONS = ['NULL_REQUIRED', 'BAD_NUMBER', 'BAD_TIMESTAMP', 'NON_POSITIVE_PRICE', 'HIGH_BELOW_LOW', 'OPEN_OUTSIDE_RANGE',
  'CLOSE_OUTSIDE_RANGE', 'NEGATIVE_VOLUME', 'OUTSIDE_SESSION', 'DUPLICATE_IN_FILE'] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

const blank = (c: string): string => `(${c} IS NULL OR trim(${c}) = '')`;

/** SQL that builds TEMP table `ing_checked` from `ing_raw`; `$1` is the zone of naive timestamps. */
export const checkedTableSql = (sessionStartMinute: number, sessionEndMinute: number): string => `
CREATE OR REPLACE TEMP TABLE ing_checked AS
WITH parsed AS (
  SELECT *,
    TRY_CAST(open AS DECIMAL(18,4)) AS o, TRY_CAST(high AS DECIMAL(18,4)) AS h, TRY_CAST(low AS DECIMAL(18,4)) AS l,
    TRY_CAST(close AS DECIMAL(18,4)) AS c, TRY_CAST(TRY_CAST(volume AS DOUBLE) AS BIGINT) AS v,
    CASE WHEN regexp_matches(trim(ts), '(Z|[+-][0-9]{2}(:?[0-9]{2})?)$')
      THEN timezone('UTC', TRY_CAST(trim(ts) AS TIMESTAMPTZ))
      ELSE timezone('UTC', timezone($1, TRY_CAST(trim(ts) AS TIMESTAMP))) END AS ts_utc
  FROM ing_raw
), classified AS (
  SELECT *, CASE
    WHEN ${['symbol', 'ts', 'open', 'high', 'low', 'close', 'volume'].map(blank).join(' OR ')} THEN 'NULL_REQUIRED'
    WHEN o IS NULL OR h IS NULL OR l IS NULL OR c IS NULL OR v IS NULL THEN 'BAD_NUMBER'
    WHEN ts_utc IS NULL THEN 'BAD_TIMESTAMP'
    WHEN o <= 0 OR h <= 0 OR l <= 0 OR c <= 0 THEN 'NON_POSITIVE_PRICE'
    WHEN h < l THEN 'HIGH_BELOW_LOW'
    WHEN o < l OR o > h THEN 'OPEN_OUTSIDE_RANGE'
    WHEN c < l OR c > h THEN 'CLOSE_OUTSIDE_RANGE'
    WHEN v < 0 THEN 'NEGATIVE_VOLUME'
    WHEN hour(ts_utc + INTERVAL 330 MINUTE) * 60 + minute(ts_utc + INTERVAL 330 MINUTE) NOT BETWEEN ${sessionStartMinute} AND ${sessionEndMinute - 1}
      OR dayofweek(ts_utc + INTERVAL 330 MINUTE) IN (0, 6) THEN 'OUTSIDE_SESSION'
    END AS reason
  FROM parsed
)
SELECT *, CASE WHEN reason IS NULL AND row_number() OVER (PARTITION BY trim(symbol), ts_utc, reason IS NULL ORDER BY file_idx, line_no) > 1
  THEN 'DUPLICATE_IN_FILE' ELSE reason END AS final_reason
FROM classified`;
