import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { DEFAULT_WEB_DIST, REPO_ROOT, WEB_APP_DIR } from './web-paths.js';

/** What a build of the web app is made from; a change to any of them makes the build stale. */
export const WEB_SOURCES = ['src', 'public', 'index.html', 'package.json', 'vite.config.ts'].map((name) =>
  path.join(WEB_APP_DIR, name),
);

/** The latest modification time among the paths and everything under them (a deleted file changes its folder's). */
async function latestChange(paths: string[]): Promise<number> {
  let latest = 0;
  for (const entry of paths) {
    const stat = await fs.stat(entry).catch(() => undefined);
    if (!stat) continue;
    latest = Math.max(latest, stat.mtimeMs);
    if (!stat.isDirectory()) continue;
    const inside = await fs.readdir(entry, { recursive: true });
    for (const name of inside) latest = Math.max(latest, (await fs.stat(path.join(entry, name))).mtimeMs);
  }
  return latest;
}

/** The build is missing, or older than one of its sources. */
export async function webBuildIsStale(distDir: string, sources: string[]): Promise<boolean> {
  const built = await fs.stat(path.join(distDir, 'index.html')).catch(() => undefined);
  return !built || (await latestChange(sources)) > built.mtimeMs;
}

/** Runs a command with the terminal's output; fails, naming it, unless it exits with 0. */
export function runCommand(command: string, args: string[], cwd: string): Promise<void> {
  return new Promise((resolve, reject) => {
    // Windows runs npm through its .cmd shim, which needs a shell.
    const child = spawn(command, args, { cwd, stdio: 'inherit', shell: process.platform === 'win32' });
    child.once('error', reject);
    child.once('exit', (code, signal) =>
      code === 0
        ? resolve()
        : reject(new Error(`${[command, ...args].join(' ')} failed (${signal ?? `exit ${code}`})`)),
    );
  });
}

/**
 * Before `start`: builds the repository's web app when its build is missing or stale, so
 * `npm start` serves what the sources say. A web app of one's own (PEYVAND_WEB_DIST) is served
 * as it is, a server installed without the web workspace builds nothing, and a build that fails
 * stops the start.
 */
export async function buildWebAppIfStale(distDir: string, log: (message: string) => void): Promise<void> {
  if (path.resolve(distDir) !== path.resolve(DEFAULT_WEB_DIST)) return;
  if (!(await fs.stat(path.join(WEB_APP_DIR, 'package.json')).catch(() => undefined))) return;
  if (!(await webBuildIsStale(distDir, WEB_SOURCES))) return;
  log('building the web app: npm run build -w @peyvand/web');
  await runCommand('npm', ['run', 'build', '-w', '@peyvand/web'], REPO_ROOT);
}
