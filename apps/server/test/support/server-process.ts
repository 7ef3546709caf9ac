import { type ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';
import { SERVER_DIR } from './cli-runner.js';

/** A TCP port nothing listens on right now. */
export async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** Waits for `url`/readyz to answer 200; fails with the process's output if it exits or takes too long. */
export async function waitUntilReady(url: string, child: ChildProcess, output: () => string, timeoutMs = 25_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const ready = await fetch(`${url}/readyz`).then(
      (r) => r.status,
      () => 0,
    );
    if (ready === 200) return;
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`${url} did not become ready:\n${output()}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/**
 * Resolves once `child` has exited — at once if it already has: an 'exit' listener added after
 * the fact never fires, and a test awaiting it would hang until CI gives up.
 */
export function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** Sends `signal` to `child` unless it is gone already, and waits until it has exited. */
export async function stopProcess(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  const gone = exited(child);
  if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  await gone;
}

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  output(): string;
}

/** `peyvand start` in a process of its own, as production runs it, on a free port. */
export async function spawnServer(env: NodeJS.ProcessEnv): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'start'], {
    cwd: SERVER_DIR,
    env: { ...env, PORT: String(port), HOST: '127.0.0.1' },
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  return { url: `http://127.0.0.1:${port}`, child, output: () => output };
}
