/**
 * Embedded PGlite is one process's database: two processes opening one data directory
 * would corrupt it. `chainkit serve` holds a lock file in the directory while it runs;
 * a second `serve` or an `import` on the same directory is refused while that process is
 * alive. A lock left by a killed process (kill -9, power loss) is taken over.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const LOCK_FILE = 'chainkit.pid';

/** Directories this process holds (the pid file cannot tell two holders in one process apart). */
const heldHere = new Set<string>();

export class DataDirLockedError extends Error {
  readonly pid: number;
  constructor(dir: string, pid: number) {
    super(
      `The database directory ${dir} is in use by another chainkit process (pid ${pid}). ` +
        'Stop it first (a restarted server imports a changed store file by itself), or use PostgreSQL to share one database between processes.',
    );
    this.name = 'DataDirLockedError';
    this.pid = pid;
  }
}

function alive(pid: number): boolean {
  // Our own pid in the file is a leftover of an earlier process that had it (held ones are in heldHere).
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The pid holding `dir`, or null when nobody (alive) does. */
export function dataDirHolder(dir: string): number | null {
  if (heldHere.has(resolve(dir))) return process.pid;
  const file = join(dir, LOCK_FILE);
  if (!existsSync(file)) return null;
  const pid = Number.parseInt(readFileSync(file, 'utf8').trim(), 10);
  return alive(pid) ? pid : null;
}

/** Throws `DataDirLockedError` when another live process holds `dir`. */
export function assertDataDirFree(dir: string): void {
  const holder = dataDirHolder(dir);
  if (holder !== null) throw new DataDirLockedError(dir, holder);
}

/** Writes this process's pid into `dir` (which must exist); returns the release function. */
export function lockDataDir(dir: string): () => void {
  assertDataDirFree(dir);
  const file = join(dir, LOCK_FILE);
  writeFileSync(file, `${process.pid}\n`);
  heldHere.add(resolve(dir));
  return () => {
    heldHere.delete(resolve(dir));
    try {
      if (readFileSync(file, 'utf8').trim() === String(process.pid)) rmSync(file, { force: true });
    } catch {
      // already gone
    }
  };
}

/** Whether a database spec names a PGlite data directory (not `memory`, not a URL). */
export function isDataDir(spec: string): boolean {
  return spec !== 'memory' && !/^postgres(ql)?:\/\//i.test(spec) && !/^[a-z]+:\/\//i.test(spec);
}
