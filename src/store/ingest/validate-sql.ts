/**
 * The row checks, in order; the first failing one is the row's reject reason. Input columns are text
 * (`symbol`, `ts`, `open` … `volume`); `ts_utc` is the parsed UTC bar start. Session: 09:15 <= IST start < 15:30,
 * Monday to Friday.
 */
export const REJECT_REASONS = ['NULL_REQUIRED', 'BAD_NUMBER', 'BAD_TIMESTAMP', 'NON_POSITIVE_PRICE', 'HIGH_BELOW_LOW', 'OPEN_OUTSIDE_RANGE',
  'CLOSE_OUTSIDE_RANGE', 'NEGATIVE_VOLUME', 'OUTSIDE_SESSION', 'DUPLICATE_IN_FILE'] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

const blank = (c: string): string => `(${c} IS NULL OR trim(${c}) = '')`;

/**
 * SQL that parses each distinct timestamp text once (offsets honoured, naive ones in zone `$1`) into TEMP table
 * `ing_ts`: a file has far fewer distinct timestamps than rows, and zone conversion is the costly part.
 */
export const timestampTableSql = `
CREATE OR REPLACE TEMP TABLE ing_ts AS
SELECT ts_text, CASE WHEN regexp_matches(ts_text, '(Z|[+-][0-9]{2}(:?[0-9]{2})?)$')
    THEN timezone('UTC', TRY_CAST(ts_text AS TIMESTAMPTZ))
    ELSE timezone('UTC', timezone($1, TRY_CAST(ts_text AS TIMESTAMP))) END AS ts_utc
FROM (SELECT DISTINCT trim(ts) AS ts_text FROM ing_raw WHERE ts IS NOT NULL)`;

/** SQL that builds TEMP table `ing_checked` from `ing_raw`, `ing_ts` and market_data (`present`: already stored). */
export const checkedTableSql = (sessionStartMinute: number, sessionEndMinute: number): string => `
CREATE OR REPLACE TEMP TABLE ing_checked AS
WITH parsed AS (
  SELECT r.*, trim(r.symbol) AS sym,
    TRY_CAST(open AS DECIMAL(18,4)) AS o, TRY_CAST(high AS DECIMAL(18,4)) AS h, TRY_CAST(low AS DECIMAL(18,4)) AS l,
    TRY_CAST(close AS DECIMAL(18,4)) AS c, TRY_CAST(TRY_CAST(volume AS DOUBLE) AS BIGINT) AS v, t.ts_utc
  FROM ing_raw r LEFT JOIN ing_ts t ON t.ts_text = trim(r.ts)
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
SELECT d.*, d.reason AS final_reason, (m.symbol IS NOT NULL AND d.reason IS NULL) AS present
FROM classified d LEFT JOIN (SELECT symbol, timestamp FROM market_data) m ON m.symbol = d.sym AND m.timestamp = d.ts_utc`;

/**
 * Marks every valid row that repeats the (symbol, timestamp) of an earlier valid row of the call as
 * DUPLICATE_IN_FILE. A hash aggregate finds the first of each key; nothing is sorted.
 */
export const markInFileDuplicatesSql = `
UPDATE ing_checked SET final_reason = 'DUPLICATE_IN_FILE', present = false
FROM (SELECT sym, ts_utc, min(file_idx * 10000000000 + line_no) AS first_key FROM ing_checked WHERE reason IS NULL
      GROUP BY sym, ts_utc HAVING count(*) > 1) d
WHERE ing_checked.reason IS NULL AND ing_checked.sym = d.sym AND ing_checked.ts_utc = d.ts_utc
  AND ing_checked.file_idx * 10000000000 + ing_checked.line_no <> d.first_key`;
