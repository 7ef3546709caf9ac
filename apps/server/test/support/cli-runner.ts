import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before } from 'node:test';
import { fileURLToPath } from 'node:url';
import { freshPostgresDatabase, usingPostgres } from './auth-helpers.js';

export const SERVER_DIR = fileURLToPath(new URL('../..', import.meta.url));

/** Where the CLI runs of one test file keep their data: a data directory, or a fresh PostgreSQL database. */
export interface CliTarget {
  dataDir: string;
  /** Set when the test run uses PostgreSQL (DATABASE_URL). */
  databaseUrl: string | undefined;
}

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** A target for this test file's CLI runs, made before its tests and removed after them. */
export function cliTargetForThisFile(prefix: string): CliTarget {
  const target: CliTarget = { dataDir: '', databaseUrl: undefined };
  let dropDatabase: () => Promise<void> = async () => undefined;
  before(async () => {
    target.dataDir = await fs.mkdtemp(path.join(os.tmpdir(), `${prefix}-`));
    if (usingPostgres()) {
      const database = await freshPostgresDatabase();
      target.databaseUrl = database.url;
      dropDatabase = database.drop;
    }
  });
  after(async () => {
    await dropDatabase();
    await fs.rm(target.dataDir, { recursive: true, force: true });
  });
  return target;
}

/** The environment `peyvand` runs with: the target's database, quiet, and nothing from the developer's shell. */
export function cliEnv(target: CliTarget, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PEYVAND_DATA_DIR: target.dataDir,
    DATABASE_URL: target.databaseUrl ?? '',
    PEYVAND_SNAPSHOT_INTERVAL_HOURS: '0',
    LOG_LEVEL: 'error',
  };
  for (const name of [
    'PEYVAND_ADMIN_EMAIL',
    'PEYVAND_ADMIN_PASSWORD',
    'INIT_CWD',
    'PORT',
    'HOST',
    'PEYVAND_LOGIN_RATE_LIMIT',
  ]) {
    delete env[name];
  }
  return { ...env, ...extra };
}

/** `peyvand …` run as a user runs it, in a process of its own; killed and failed after `timeoutMs`. */
export function runCli(
  target: CliTarget,
  args: string[],
  extra: Record<string, string> = {},
  timeoutMs = 60_000,
): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
      cwd: SERVER_DIR,
      env: cliEnv(target, extra),
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`peyvand ${args.join(' ')} timed out\n${stdout}\n${stderr}`));
    }, timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}
