import assert from 'node:assert/strict';
import type { ApiClient } from './api-client.js';
import { ok } from './records-helpers.js';

/**
 * One live thing behind every kind of path parameter the API has, made by the administrator,
 * so suites that walk every route reach their handlers' real work rather than a 404.
 */
export interface RouteFixtures {
  /** Record ids by module name. */
  records: Record<string, string>;
  savedListId: string;
  /** A token of its own: revoking it harms no other request of the suite. */
  spareTokenId: string;
  importId: string;
  customField: string;
  preferenceKey: string;
  calendarFeedFile: string;
  notificationId: string | undefined;
}

const tehranMorning = '2031-03-21T10:00:00+03:30';

export async function createRouteFixtures(
  admin: ApiClient,
  baseUrl: string,
  adminToken: string,
): Promise<RouteFixtures> {
  const customField = 'region';
  ok(
    await admin.post('/api/v1/metadata/modules/contacts/fields', {
      name: customField,
      type: 'text',
      label: { fa: 'منطقه', en: 'Region' },
    }),
    201,
  );
  const create = async (module: string, body: Record<string, unknown>) =>
    (ok(await admin.post(`/api/v1/${module}`, body), 201) as { id: string }).id;
  const user = await create('users', {
    email: `fixture-${Date.now().toString(36)}@peyvand.test`,
    password: 'Fixture-user-1403',
    firstName: 'نمونه',
    lastName: 'کاربر',
    role: 'user',
  });
  const organizations = await create('organizations', { name: 'شرکت نمونه' });
  const contacts = await create('contacts', { firstName: 'سارا', lastName: 'نمونه', organizationId: organizations });
  const records: Record<string, string> = {
    users: user,
    groups: await create('groups', { name: 'گروه نمونه', memberIds: [user] }),
    organizations,
    contacts,
    leads: await create('leads', { lastName: 'سرنخ نمونه', company: 'شرکت سرنخ' }),
    opportunities: await create('opportunities', {
      name: 'فرصت نمونه',
      organizationId: organizations,
      expectedCloseDate: '2031-03-21',
    }),
    notes: await create('notes', { body: 'یادداشت نمونه', links: [{ module: 'contacts', id: contacts }] }),
    activities: await create('activities', {
      type: 'meeting',
      subject: 'جلسه نمونه',
      startsAt: tehranMorning,
      endsAt: '2031-03-21T11:00:00+03:30',
      links: [{ module: 'contacts', id: contacts }],
    }),
  };
  const savedListId = (
    ok(await admin.post('/api/v1/saved-lists', { module: 'contacts', name: 'فهرست نمونه' }), 201) as { id: string }
  ).id;
  const spareTokenId = (ok(await admin.post('/api/v1/auth/tokens', { name: 'spare' }), 201) as { id: string }).id;
  const preferenceKey = 'contacts.columns';
  ok(await admin.put(`/api/v1/me/preferences/${preferenceKey}`, ['firstName']));
  const feed = ok(await admin.get('/api/v1/me/calendar-feed')) as { url: string };
  const importId = await importOneContact(baseUrl, adminToken);
  const notifications = ok(await admin.get('/api/v1/notifications')) as { data: { id: string }[] };
  return {
    records,
    savedListId,
    spareTokenId,
    importId,
    customField,
    preferenceKey,
    calendarFeedFile: feed.url.split('/').at(-1)!,
    notificationId: notifications.data[0]?.id,
  };
}

/** A finished import of one contact, for the routes about an import. */
export async function importOneContact(baseUrl: string, token: string): Promise<string> {
  const form = new FormData();
  form.set('module', 'contacts');
  form.set('file', new Blob([Buffer.from('firstName,lastName\nعلی,درون‌ریز\n', 'utf8')]), 'contacts.csv');
  const headers = { authorization: `Bearer ${token}` };
  const started = await fetch(`${baseUrl}/api/v1/imports`, { method: 'POST', headers, body: form });
  assert.equal(started.status, 202, await started.clone().text());
  const { id } = (await started.json()) as { id: string };
  for (let i = 0; i < 400; i++) {
    const state = (await (await fetch(`${baseUrl}/api/v1/imports/${id}`, { headers })).json()) as { status: string };
    if (['completed', 'failed'].includes(state.status)) return id;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('the fixture import did not finish');
}

/** A live value for a path parameter of `path`, e.g. the contact's id for `/api/v1/contacts/{id}`. */
export function fixtureParam(fixtures: RouteFixtures, path: string, param: string): string {
  const segments = path.split('/');
  const module = segments[3]!;
  if (param === 'module') return 'contacts';
  if (param === 'name') return fixtures.customField;
  if (param === 'key') return fixtures.preferenceKey;
  if (param === 'file') return fixtures.calendarFeedFile;
  if (module === 'recycle-bin') return fixtures.records.contacts!;
  if (module === 'saved-lists') return fixtures.savedListId;
  if (module === 'imports') return fixtures.importId;
  if (module === 'auth') return fixtures.spareTokenId;
  if (module === 'notifications') return fixtures.notificationId ?? '00000000-0000-0000-0000-000000000000';
  const id = fixtures.records[module];
  assert.ok(id, `no fixture for {${param}} of ${path}`);
  return id;
}
