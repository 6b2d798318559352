/**
 * Structured logs with pino. Logs never carry personal data: buyer names, phones,
 * e-mail addresses, ship-to addresses, credentials and webhook bodies are redacted
 * wherever they appear at the paths below, and code logs ids, counts and statuses
 * rather than whole objects.
 */
import { pino, type Logger, type LoggerOptions, type DestinationStream } from 'pino';

export type { Logger } from 'pino';

/** Paths pino replaces with `[redacted]`, at the top level and one or two levels down. */
export const REDACTED_PATHS: readonly string[] = (() => {
  const keys = [
    'buyer',
    'shipTo',
    'ship_to',
    'phone',
    'email',
    'address',
    'payload',
    'body',
    'accessToken',
    'access_token',
    'webhookSecret',
    'secret',
    'password',
    'authorization',
    'Authorization',
    'cookie',
  ];
  const paths: string[] = [];
  for (const key of keys) paths.push(key, `*.${key}`, `*.*.${key}`);
  paths.push(
    'req.headers.authorization',
    'req.headers.cookie',
    'headers.authorization',
    'headers["idempotency-key"]',
    'req.headers["idempotency-key"]',
  );
  return paths;
})();

const LEVELS = new Set(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']);

export interface CreateLoggerOptions {
  /** pino level; defaults to `LOG_LEVEL` from the environment, else `info` (`silent` under vitest). */
  readonly level?: string;
  /** Where to write; defaults to stdout. Tests pass a stream to read what was logged. */
  readonly destination?: DestinationStream;
  /** Extra fields on every line, e.g. `{ service: 'chainkit' }`. */
  readonly base?: Record<string, unknown>;
}

/** The level to log at, from an explicit value or the environment. */
export function logLevelFrom(explicit?: string, env: NodeJS.ProcessEnv = process.env): string {
  const wanted = (explicit ?? env.LOG_LEVEL ?? (env.VITEST ? 'silent' : 'info')).toLowerCase();
  return LEVELS.has(wanted) ? wanted : 'info';
}

/** A pino logger with PII redaction. */
export function createLogger(options: CreateLoggerOptions = {}): Logger {
  const config: LoggerOptions = {
    level: logLevelFrom(options.level),
    base: { service: 'chainkit', ...options.base },
    redact: { paths: [...REDACTED_PATHS], censor: '[redacted]' },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  return options.destination ? pino(config, options.destination) : pino(config);
}
