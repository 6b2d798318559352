/**
 * The `chainkit` command.
 *
 *   chainkit serve  --store FILE [--port N] [--host H] [--database memory|DIR|postgres://…] [--no-dispatch]
 *   chainkit import --store FILE [--database …]
 *   chainkit --help | --version
 *
 * A store file with problems is refused with every problem listed and exit code 1; the
 * server does not start. Usage errors exit with 2.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { importCatalog } from './catalog/import-catalog.js';
import { DataDirLockedError } from './data-dir-lock.js';
import { createLogger } from './logger.js';
import {
  DEFAULT_DATA_DIR,
  DEFAULT_HOST,
  DEFAULT_PORT,
  defaultDatabase,
  describeDatabase,
  openServerDatabase,
  startServer,
  type DispatchTuning,
  type RunningServer,
} from './node.js';
import { loadStoreFile } from './store/load-store-file.js';
import { StoreFileError } from './store/store-file.js';

export const VERSION = '0.1.0';

export const HELP = `chainkit ${VERSION} — the Chainkit order server

Usage:
  chainkit serve  --store FILE [--port N] [--host HOST] [--database SPEC] [--no-dispatch]
  chainkit import --store FILE [--database SPEC]
  chainkit --help | --version

Commands:
  serve    Validate the store file, open the database (running migrations), import the
           catalog when it changed, serve the API and deliver factory webhooks.
  import   Validate the store file and import its catalog into the database as a new
           version. Orders, sub-orders and queued webhooks are kept.

Options:
  --store FILE       The store file: catalog + keys + factory endpoints (JSON). Required.
  --database SPEC    memory | a PGlite data directory | postgres://user@host/db
                     Default: $DATABASE_URL when set, else ${DEFAULT_DATA_DIR} (embedded PGlite).
  --port N           Port to listen on (default: $PORT or ${DEFAULT_PORT}; 0 picks a free one).
  --host HOST        Address to listen on (default ${DEFAULT_HOST}).
  --no-dispatch      Serve the API without delivering webhooks (another instance does).
  -h, --help         Show this help.
  -v, --version      Show the version.

Environment:
  DATABASE_URL                 PostgreSQL URL used when --database is not given.
  LOG_LEVEL                    fatal|error|warn|info|debug|trace|silent (default info).
  CHAINKIT_WEBHOOK_TIMEOUT_MS  One delivery attempt's timeout (default 15000).
  CHAINKIT_DISPATCH_POLL_MS    How often the dispatcher looks for due messages (default 1000).
  CHAINKIT_DISPATCH_LEASE_MS   How long a claimed message is held before another instance may
                               retry it (default 60000; at least the timeout + 5 s).

Exit codes: 0 ok, 1 the store file or the database was refused, 2 usage error.
`;

export interface CliIo {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
  readonly env: NodeJS.ProcessEnv;
}

const defaultIo: CliIo = { stdout: process.stdout, stderr: process.stderr, env: process.env };

class UsageError extends Error {}

const OPTIONS = {
  store: { type: 'string' },
  database: { type: 'string' },
  port: { type: 'string' },
  host: { type: 'string' },
  'no-dispatch': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const satisfies ParseArgsConfig['options'];

function parse(argv: readonly string[]) {
  try {
    return parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

function parsePort(raw: string | undefined, env: NodeJS.ProcessEnv): number {
  const text = raw ?? env.PORT;
  if (text === undefined || text === '') return DEFAULT_PORT;
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new UsageError(`--port must be an integer from 0 to 65535 (got "${text}")`);
  }
  return port;
}

function envMs(env: NodeJS.ProcessEnv, name: string): number | undefined {
  const text = env[name];
  if (text === undefined || text === '') return undefined;
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0)
    throw new UsageError(`${name} must be a positive number of milliseconds`);
  return value;
}

function dispatchTuning(env: NodeJS.ProcessEnv): DispatchTuning {
  const tuning: { -readonly [K in keyof DispatchTuning]: DispatchTuning[K] } = {};
  const timeoutMs = envMs(env, 'CHAINKIT_WEBHOOK_TIMEOUT_MS');
  const pollIntervalMs = envMs(env, 'CHAINKIT_DISPATCH_POLL_MS');
  const leaseMs = envMs(env, 'CHAINKIT_DISPATCH_LEASE_MS');
  if (timeoutMs !== undefined) tuning.timeoutMs = timeoutMs;
  if (pollIntervalMs !== undefined) tuning.pollIntervalMs = pollIntervalMs;
  if (leaseMs !== undefined) tuning.leaseMs = leaseMs;
  return tuning;
}

/** Runs the command; resolves with the exit code. `serve` resolves once listening, leaving the server running. */
export async function main(
  argv: readonly string[],
  io: CliIo = defaultIo,
): Promise<{ code: number; server?: RunningServer }> {
  try {
    const { values, positionals } = parse(argv);
    if (values.version) {
      io.stdout.write(`${VERSION}\n`);
      return { code: 0 };
    }
    const [command, ...extra] = positionals;
    if (values.help || command === undefined || command === 'help') {
      io.stdout.write(HELP);
      return { code: values.help || command === 'help' ? 0 : 2 };
    }
    if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);
    if (command !== 'serve' && command !== 'import') throw new UsageError(`unknown command "${command}"`);
    if (!values.store) throw new UsageError(`${command} needs --store FILE`);
    if (command === 'import' && (values.port !== undefined || values.host !== undefined)) {
      throw new UsageError('import takes no --port or --host');
    }
    const database = values.database ?? defaultDatabase(io.env);
    const store = await loadStoreFile(values.store);

    if (command === 'import') {
      const { db, release } = await openServerDatabase(database);
      try {
        const result = await importCatalog(db, store.catalog, { onlyIfChanged: true });
        io.stdout.write(
          result.changed
            ? `Imported the catalog of ${values.store} as version ${result.version} (${result.offers} offers) into ${describeDatabase(database)}.\n`
            : `The catalog in ${describeDatabase(database)} is already this one (version ${result.version}, ${result.offers} offers); nothing to import.\n`,
        );
      } finally {
        release();
        await db.close();
      }
      return { code: 0 };
    }

    const logger = createLogger();
    const server = await startServer({
      store,
      database,
      port: parsePort(values.port, io.env),
      host: values.host ?? DEFAULT_HOST,
      dispatch: !values['no-dispatch'],
      dispatcher: dispatchTuning(io.env),
      logger,
    });
    io.stderr.write(
      `chainkit: serving ${server.url} — ${describeDatabase(database)}, catalog version ${server.catalog.version} (${server.catalog.offers} offers), webhooks ${server.dispatcher ? 'on' : 'off'}\n`,
    );
    return { code: 0, server };
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`chainkit: ${error.message}\nRun "chainkit --help" for usage.\n`);
      return { code: 2 };
    }
    if (error instanceof StoreFileError || error instanceof DataDirLockedError) {
      io.stderr.write(`chainkit: ${error.message}\n`);
      return { code: 1 };
    }
    io.stderr.write(`chainkit: ${error instanceof Error ? error.message : String(error)}\n`);
    return { code: 1 };
  }
}
