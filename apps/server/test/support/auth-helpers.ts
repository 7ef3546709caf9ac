import assert from 'node:assert/strict';
import { type Config, loadConfig } from '../../src/config.js';
import { type RunningServer, startServer } from '../../src/server.js';
import { ApiClient } from './api-client.js';
import { type ScratchDatabase, createScratchDatabase } from './scratch-database.js';

/**
 * Helpers for the auth, users/groups, errors, OpenAPI, CLI and migration tests. They sit beside
 * test-server.ts rather than in it, for tests that need what startTestServer cannot give: a
 * server with no administrator yet, or a database URL of their own.
 */

export const usingPostgres = (): boolean => Boolean(process.env.DATABASE_URL);

/** A fresh, empty PostgreSQL database on the DATABASE_URL server; dropped by `drop()`. */
export async function freshPostgresDatabase(): Promise<ScratchDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) throw new Error('DATABASE_URL is not set');
  return createScratchDatabase(serverUrl, 'peyvand_test');
}

/** The config every test server starts from: loopback, any free port, quiet, no background jobs. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    ...loadConfig({}),
    port: 0,
    host: '127.0.0.1',
    databaseUrl: undefined,
    dataDir: 'memory://',
    adminEmail: undefined,
    adminPassword: undefined,
    databasePoolSize: 5,
    snapshotIntervalHours: 0,
    maintenanceIntervalMinutes: 0,
    loginRateLimitPerMinute: 1000,
    logLevel: 'error',
    ...overrides,
  };
}

export interface BareServer {
  url: string;
  server: RunningServer;
  stop(): Promise<void>;
}

/**
 * A server on a fresh database (PGlite in memory, or a new PostgreSQL database when
 * DATABASE_URL is set) with no user at all: the first-run set-up is still open.
 */
export async function startServerWithoutAdmin(overrides: Partial<Config> = {}): Promise<BareServer> {
  const database = usingPostgres() ? await freshPostgresDatabase() : undefined;
  const server = await startServer(testConfig({ databaseUrl: database?.url, ...overrides }));
  return {
    url: server.url,
    server,
    stop: async () => {
      await server.stop();
      await database?.drop();
    },
  };
}

export interface Session {
  /** `peyvand_session=…`, ready for a Cookie header. */
  cookie: string;
  csrf: string;
  /** The whole Set-Cookie header of the login response. */
  setCookie: string;
  user: Record<string, unknown> & { id: string };
}

/** Logs in through the API and returns the session cookie and CSRF token; fails the test otherwise. */
export async function logIn(
  baseUrl: string,
  email: string,
  password: string,
  headers: Record<string, string> = {},
): Promise<Session> {
  const response = await new ApiClient(baseUrl, null).post('/api/v1/auth/login', { email, password }, { headers });
  assert.equal(response.status, 200, `login of ${email}: ${JSON.stringify(response.body)}`);
  const setCookie = response.headers.get('set-cookie') ?? '';
  return { cookie: setCookie.split(';')[0]!, csrf: response.body.csrfToken, setCookie, user: response.body.user };
}

/** Asserts that a response is an RFC 9457 problem document with this status. */
export function assertProblem(
  response: { status: number; headers: Headers; body: any },
  status: number,
  message?: string,
): void {
  const context = message ?? JSON.stringify(response.body);
  assert.equal(response.status, status, context);
  assert.match(response.headers.get('content-type') ?? '', /^application\/problem\+json/, context);
  const body = response.body;
  assert.equal(typeof body, 'object', context);
  assert.equal(body.status, status, context);
  assert.equal(typeof body.type, 'string', context);
  assert.equal(typeof body.title, 'string', context);
  assert.equal(typeof body.detail, 'string', context);
  assert.ok(Array.isArray(body.errors), context);
  for (const error of body.errors) {
    assert.equal(typeof error.field, 'string', context);
    assert.equal(typeof error.code, 'string', context);
    assert.equal(typeof error.message, 'string', context);
  }
}

/** The fields named in a problem document's errors. */
export const fieldsOf = (body: { errors?: { field: string }[] }): string[] => (body.errors ?? []).map((e) => e.field);

let counter = 0;
/** A unique e-mail address for a test user. */
export const uniqueEmail = (stem = 'user'): string => `${stem}-${Date.now().toString(36)}-${++counter}@peyvand.test`;
