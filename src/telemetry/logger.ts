import pino, { type Logger as PinoLogger } from 'pino';

export type Logger = PinoLogger;

export interface LoggerOptions {
  readonly level: string;
  /** Values that must never reach a log line (the access token): replaced wherever they appear. */
  readonly secrets: readonly string[];
  /** ISO timestamp source (the engine's clock in the composition root). */
  readonly now: () => number;
  readonly write: (line: string) => void;
}

/** Keys redacted by name wherever pino finds them. */
export const REDACT_PATHS = ['token', 'accessToken', 'access_token', 'password', 'secret', '*.token', '*.accessToken', '*.secret', 'headers["access-token"]', '*.headers["access-token"]'];

/**
 * The root logger: JSON lines with an ISO `timestamp`, keys redacted by name, and every secret value scrubbed from
 * the serialised line as a last line of defence (a token inside a URL or an error message is caught too).
 */
export const createLogger = (o: LoggerOptions): Logger => {
  const secrets = o.secrets.filter((s) => s.length >= 4);
  const scrub = (line: string): string => secrets.reduce((l, s) => l.split(s).join('[REDACTED]'), line);
  return pino(
    {
      level: o.level, base: undefined, messageKey: 'msg',
      redact: { paths: REDACT_PATHS, censor: '[REDACTED]' },
      timestamp: () => `,"timestamp":"${new Date(o.now()).toISOString()}"`,
      formatters: { level: (label) => ({ level: label }) },
    },
    { write: (line: string) => o.write(scrub(line)) },
  );
};
