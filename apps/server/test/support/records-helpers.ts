import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { ApiClient, type ApiResponse } from './api-client.js';

/**
 * Helpers for the records, filters, paging, custom-field and search tests. Kept apart from the
 * harness so those tests do not depend on helpers other suites may change.
 */

/** Asserts a problem document with this status; with `field`/`code`, that one of its errors names them. */
export function expectProblem(
  response: ApiResponse,
  status: number,
  expected: { field?: string; code?: string | string[] } = {},
): { field: string; code: string; message: string } | undefined {
  const context = `${response.status} ${JSON.stringify(response.body)}`;
  assert.equal(response.status, status, context);
  assert.match(response.headers.get('content-type') ?? '', /^application\/problem\+json/, context);
  assert.equal(response.body.status, status, context);
  assert.ok(Array.isArray(response.body.errors), context);
  if (expected.field === undefined && expected.code === undefined) return undefined;
  const codes = expected.code === undefined ? undefined : [expected.code].flat();
  const match = (response.body.errors as { field: string; code: string; message: string }[]).find(
    (e) => (expected.field === undefined || e.field === expected.field) && (!codes || codes.includes(e.code)),
  );
  assert.ok(match, `expected an error ${JSON.stringify(expected)} in ${context}`);
  assert.equal(typeof match.message, 'string');
  assert.ok(match.message.length > 0);
  return match;
}

/** Asserts a 2xx and returns the body, showing the body when it is not. */
export function ok<T = any>(response: ApiResponse<T>, status = 200): T {
  assert.equal(response.status, status, JSON.stringify(response.body));
  return response.body;
}

export const idsOf = (body: { data: { id: string }[] }): string[] => body.data.map((r) => r.id);
export const sortedIds = (ids: string[]): string[] => [...ids].sort();

/** A valid Iranian national code from nine digits: the tenth is the check digit. */
export function nationalCode(nine: string): string {
  assert.match(nine, /^\d{9}$/);
  const sum = [...nine].reduce((s, d, i) => s + Number(d) * (10 - i), 0);
  const r = sum % 11;
  return `${nine}${r < 2 ? r : 11 - r}`;
}

/** The same code with a wrong check digit. */
export function badNationalCode(nine: string): string {
  const good = nationalCode(nine);
  const last = Number(good.at(-1));
  return `${nine}${(last + 1) % 10}`;
}

export const missingId = (): string => randomUUID();

let userCounter = 0;

/** Creates a plain user (role 'user') through the admin and returns a Bearer client acting as them. */
export async function plainUserClient(baseUrl: string, admin: ApiClient): Promise<{ id: string; api: ApiClient }> {
  const email = `plain-${Date.now().toString(36)}-${++userCounter}@peyvand.test`;
  const password = 'Plain-user-1403';
  const created = await admin.post('/api/v1/users', {
    email,
    password,
    firstName: 'کاربر',
    lastName: 'ساده',
    role: 'user',
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const anonymous = new ApiClient(baseUrl, null);
  const login = await anonymous.post('/api/v1/auth/login', { email, password });
  assert.equal(login.status, 200, JSON.stringify(login.body));
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  const token = await anonymous.post(
    '/api/v1/auth/tokens',
    { name: 'records tests' },
    { cookie, csrf: login.body.csrfToken },
  );
  assert.equal(token.status, 201, JSON.stringify(token.body));
  return { id: created.body.id, api: new ApiClient(baseUrl, token.body.token) };
}

/**
 * Walks every page of a list, `fetchPage(cursor)` returning one; fails on a page loop.
 * Returns the ids in the order the pages gave them.
 */
export async function walkPages(
  fetchPage: (cursor: string | null) => Promise<ApiResponse>,
  maxPages = 200,
): Promise<{ ids: string[]; records: any[]; pages: number }> {
  const records: any[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const page = await fetchPage(cursor);
    assert.equal(page.status, 200, JSON.stringify(page.body));
    records.push(...page.body.data);
    const next: string | null = page.body.nextCursor;
    assert.ok(next === null || typeof next === 'string');
    assert.notEqual(next, cursor, 'the cursor must move on');
    cursor = next;
    assert.ok(++pages <= maxPages, 'too many pages');
  } while (cursor);
  return { ids: records.map((r) => r.id), records, pages };
}

export const q = (value: string): string => encodeURIComponent(value);
