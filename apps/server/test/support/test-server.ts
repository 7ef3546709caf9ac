import { type Config, loadConfig } from '../../src/config.js';
import { type RunningServer, startServer } from '../../src/server.js';
import { createScratchDatabase } from './scratch-database.js';

export const ADMIN_EMAIL = 'admin@peyvand.test';
export const ADMIN_PASSWORD = 'Test-admin-1403';

/**
 * With DATABASE_URL set, each test server gets a database of its own on that PostgreSQL
 * server, dropped afterwards; without it, an in-memory PGlite. Either way tests never share data.
 */
async function freshDatabaseUrl(): Promise<{ url: string | undefined; drop(): Promise<void> }> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) return { url: undefined, drop: async () => undefined };
  return createScratchDatabase(serverUrl, 'peyvand_test');
}

export interface TestServer {
  url: string;
  server: RunningServer;
  /** A Bearer token of the first administrator ('' when the server was started without one). */
  adminToken: string;
  stop(): Promise<void>;
}

export async function startTestServer(overrides: Partial<Config> = {}): Promise<TestServer> {
  const database = await freshDatabaseUrl();
  const config: Config = {
    ...loadConfig({}),
    port: 0,
    host: '127.0.0.1',
    databaseUrl: database.url,
    dataDir: 'memory://',
    adminEmail: ADMIN_EMAIL,
    adminPassword: ADMIN_PASSWORD,
    databasePoolSize: 5,
    snapshotIntervalHours: 0,
    maintenanceIntervalMinutes: 0,
    loginRateLimitPerMinute: 1000,
    logLevel: 'error',
    ...overrides,
  };
  const server = await startServer(config);
  const stop = async () => {
    await server.stop();
    await database.drop();
  };
  if (!config.adminEmail || !config.adminPassword) return { url: server.url, server, adminToken: '', stop };
  const login = await fetch(`${server.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD }),
  });
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const tokenResponse = await fetch(`${server.url}/api/v1/auth/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
    body: JSON.stringify({ name: 'tests' }),
  });
  const { token } = (await tokenResponse.json()) as { token: string };
  return {
    url: server.url,
    server,
    adminToken: token,
    stop,
  };
}
