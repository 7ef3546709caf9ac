import fs from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'kysely';
import type { DatabaseHandle } from './database.js';

export interface MaintenanceOptions {
  dataDir: string;
  maintenanceIntervalMinutes: number;
  snapshotIntervalHours: number;
  snapshotKeep: number;
  log: { info(msg: string): void; error(obj: unknown, msg: string): void };
}

/**
 * PGlite runs neither autovacuum nor the checkpointer: left alone its WAL and data directory
 * grow many times the size of the data. It also does not fsync, so an OS crash may lose recent
 * commits; rotated snapshots bound that loss. PostgreSQL needs none of this.
 */
export async function checkpointAndVacuum(handle: DatabaseHandle): Promise<void> {
  await sql`checkpoint`.execute(handle.db);
  await sql`vacuum analyze`.execute(handle.db);
}

export function snapshotDir(dataDir: string): string {
  return path.join(dataDir, 'snapshots');
}

/** A consistent copy of the embedded database as a .tar.gz, taken between two queries. */
export async function takeSnapshot(handle: DatabaseHandle, dataDir: string, keep: number): Promise<string> {
  if (!handle.pglite)
    throw new Error('snapshots are for the embedded database; use pg_dump or replicas for PostgreSQL');
  const dir = snapshotDir(dataDir);
  await fs.mkdir(dir, { recursive: true });
  await sql`checkpoint`.execute(handle.db);
  const dump = await handle.pglite.dumpDataDir('gzip');
  const file = path.join(dir, `peyvand-${new Date().toISOString().replace(/[:.]/g, '-')}.tar.gz`);
  await fs.writeFile(`${file}.partial`, Buffer.from(await dump.arrayBuffer()));
  await fs.rename(`${file}.partial`, file);
  const snapshots = (await fs.readdir(dir)).filter((f) => f.startsWith('peyvand-') && f.endsWith('.tar.gz')).sort();
  for (const old of snapshots.slice(0, Math.max(0, snapshots.length - keep))) await fs.rm(path.join(dir, old));
  return file;
}

async function newestSnapshotAge(dataDir: string): Promise<number> {
  const files = await fs.readdir(snapshotDir(dataDir)).catch(() => [] as string[]);
  const stats = await Promise.all(
    files.filter((f) => f.endsWith('.tar.gz')).map((f) => fs.stat(path.join(snapshotDir(dataDir), f))),
  );
  const newest = Math.max(0, ...stats.map((s) => s.mtimeMs));
  return Date.now() - newest;
}

/** Starts the schedule; returns a function that stops it. */
export function startEmbeddedMaintenance(handle: DatabaseHandle, options: MaintenanceOptions): () => void {
  const timers: NodeJS.Timeout[] = [];
  const run = (name: string, task: () => Promise<unknown>) => async () => {
    try {
      await task();
    } catch (error) {
      options.log.error({ err: error }, `${name} failed`);
    }
  };
  if (options.maintenanceIntervalMinutes > 0) {
    const maintain = run('checkpoint and vacuum', () => checkpointAndVacuum(handle));
    timers.push(setInterval(maintain, options.maintenanceIntervalMinutes * 60_000));
  }
  if (options.snapshotIntervalHours > 0) {
    const intervalMs = options.snapshotIntervalHours * 3_600_000;
    const snapshot = run('snapshot', async () => {
      const file = await takeSnapshot(handle, options.dataDir, options.snapshotKeep);
      options.log.info(`snapshot written to ${file}`);
    });
    timers.push(setInterval(snapshot, intervalMs));
    // After a restart, catch up on a missed snapshot once the server has settled.
    void newestSnapshotAge(options.dataDir).then((age) => {
      if (age >= intervalMs) timers.push(setTimeout(snapshot, 60_000));
    });
  }
  for (const timer of timers) timer.unref();
  return () => timers.forEach((t) => clearInterval(t));
}
