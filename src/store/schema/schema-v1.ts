/**
 * Version 1: the six tables of seed-design.md ("Database Schema"), same names and columns, plus the journal and
 * ingest tables the engine needs. Prices are DECIMAL(10,2) rupees; timestamps are naive TIMESTAMP meaning UTC.
 */
export const schemaV1: readonly string[] = [
  `CREATE TABLE market_data (
    symbol VARCHAR, timestamp TIMESTAMP,
    open DECIMAL(10,2), high DECIMAL(10,2), low DECIMAL(10,2), close DECIMAL(10,2),
    volume BIGINT, trading_date DATE, sector VARCHAR,
    bid_price DECIMAL(10,2), ask_price DECIMAL(10,2), bid_qty INTEGER, ask_qty INTEGER,
    last_traded_price DECIMAL(10,2), last_traded_qty INTEGER)`,
  `CREATE TABLE backtest_runs (
    run_id VARCHAR PRIMARY KEY, algorithm_name VARCHAR, scanner_used VARCHAR,
    start_date TIMESTAMP, end_date TIMESTAMP, symbols_tested INTEGER, total_signals INTEGER,
    profitable_signals INTEGER, total_return DECIMAL(8,4), max_drawdown DECIMAL(6,4), sharpe_ratio DECIMAL(6,4),
    execution_time_seconds INTEGER, config_snapshot JSON)`,
  `CREATE TABLE scanner_signals (
    signal_id VARCHAR PRIMARY KEY, scanner_name VARCHAR, symbol VARCHAR, signal_type VARCHAR,
    entry_price DECIMAL(10,2), target_price DECIMAL(10,2), stop_loss DECIMAL(10,2), confidence_score DECIMAL(3,2),
    timestamp TIMESTAMP, backtest_run_id VARCHAR, executed BOOLEAN DEFAULT FALSE,
    execution_price DECIMAL(10,2), exit_price DECIMAL(10,2), pnl DECIMAL(8,2))`,
  `CREATE TABLE data_quality_metrics (
    symbol VARCHAR, date DATE, total_records INTEGER, valid_records INTEGER, missing_data_pct DECIMAL(5,2),
    outlier_count INTEGER, data_quality_score DECIMAL(3,2), last_updated TIMESTAMP, PRIMARY KEY (symbol, date))`,
  `CREATE TABLE query_performance (
    query_id VARCHAR PRIMARY KEY, query_type VARCHAR, execution_time_ms INTEGER, records_returned INTEGER,
    query_complexity VARCHAR, optimization_applied BOOLEAN, timestamp TIMESTAMP, user_id VARCHAR)`,
  `CREATE TABLE scanner_performance (
    scanner_name VARCHAR, backtest_run_id VARCHAR, total_signals INTEGER, profitable_signals INTEGER,
    win_rate DECIMAL(5,2), avg_profit DECIMAL(8,2), avg_loss DECIMAL(8,2), profit_factor DECIMAL(6,2),
    max_consecutive_losses INTEGER, timestamp TIMESTAMP, PRIMARY KEY (scanner_name, backtest_run_id))`,
  `CREATE TABLE ingest_rejects (
    ingest_id VARCHAR, source_file VARCHAR, line_number BIGINT, reason VARCHAR, raw_row VARCHAR,
    symbol VARCHAR, trading_date DATE, rejected_at TIMESTAMP)`,
  `CREATE TABLE journal_orders (
    run_id VARCHAR, client_order_id VARCHAR, broker_order_id VARCHAR, symbol VARCHAR, side VARCHAR,
    quantity INTEGER, order_type VARCHAR, limit_price DECIMAL(10,2), trigger_price DECIMAL(10,2), purpose VARCHAR,
    scanner_name VARCHAR, signal_id VARCHAR, outcome VARCHAR, reason VARCHAR, timestamp TIMESTAMP, seq BIGINT)`,
  `CREATE TABLE journal_fills (
    run_id VARCHAR, fill_id VARCHAR, client_order_id VARCHAR, broker_order_id VARCHAR, symbol VARCHAR,
    side VARCHAR, quantity INTEGER, price DECIMAL(10,2), charges DECIMAL(10,2), purpose VARCHAR,
    scanner_name VARCHAR, signal_id VARCHAR, timestamp TIMESTAMP, seq BIGINT)`,
  `CREATE TABLE journal_denials (
    run_id VARCHAR, signal_id VARCHAR, scanner_name VARCHAR, symbol VARCHAR, code VARCHAR, reason VARCHAR,
    timestamp TIMESTAMP, seq BIGINT)`,
  `CREATE TABLE backtest_trades (
    run_id VARCHAR, trade_no INTEGER, scanner_name VARCHAR, symbol VARCHAR, side VARCHAR, quantity INTEGER,
    entry_time TIMESTAMP, entry_price DECIMAL(10,2), exit_time TIMESTAMP, exit_price DECIMAL(10,2),
    exit_reason VARCHAR, gross_pnl DECIMAL(12,2), charges DECIMAL(10,2), net_pnl DECIMAL(12,2),
    brokerage DECIMAL(10,2), stt DECIMAL(10,2), exchange_txn DECIMAL(10,2), sebi_fee DECIMAL(10,2),
    stamp_duty DECIMAL(10,2), gst DECIMAL(10,2), signal_id VARCHAR)`,
  `CREATE TABLE backtest_daily (
    run_id VARCHAR, trading_date DATE, equity DECIMAL(14,2), net_pnl DECIMAL(12,2), trades INTEGER)`,
];
