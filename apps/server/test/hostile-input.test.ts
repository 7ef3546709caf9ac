/**
 * Every route of the OpenAPI description, fed random, boundary and hostile input (fast-check,
 * fixed seed FC_SEED; HOSTILE_RUNS sets the runs per route). Every answer must be a 2xx or a 4xx
 * problem document naming what is wrong — never a 5xx or a hang — and a refused change must
 * leave the database exactly as it was.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import { ApiClient } from './support/api-client.js';
import { changedTables, databaseFingerprint } from './support/database-fingerprint.js';
import { assertWellFormedAnswer, describeRequest, hostileRequests, send } from './support/hostile-requests.js';
import { FC_SEED, type SchemaContext } from './support/hostile-values.js';
import { type ApiDescription, describeApi } from './support/openapi-operations.js';
import { type RouteFixtures, createRouteFixtures, fixtureParam } from './support/route-fixtures.js';
import { type TestServer, startTestServer } from './support/test-server.js';

const RUNS_PER_ROUTE = Number(process.env.HOSTILE_RUNS ?? 6);

let server: TestServer;
let description: ApiDescription;
let fixtures: RouteFixtures;
let context: SchemaContext;

before(async () => {
  // Reminders and e-mail are left to their pollers, which must not change the database under a comparison.
  server = await startTestServer({ jobPollIntervalMs: 3_600_000 });
  const admin = new ApiClient(server.url, server.adminToken);
  fixtures = await createRouteFixtures(admin, server.url, server.adminToken);
  description = await describeApi(server.url, server.adminToken);
  context = {
    resolveRef: description.resolveRef,
    vocabulary: description.vocabulary,
    ids: Object.values(fixtures.records),
  };
});
after(() => server.stop());

const db = () => server.server.ctx.database.db;

async function settled(): Promise<void> {
  let previous = await databaseFingerprint(db());
  for (let i = 0; i < 100; i++) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    const current = await databaseFingerprint(db());
    if (current === previous) return;
    previous = current;
  }
  assert.fail('background work did not settle');
}

/** Routes grouped by their first path segment after /api/v1, so a failure points at an area of the API. */
function areas(): Map<string, ApiDescription['operations']> {
  const grouped = new Map<string, ApiDescription['operations']>();
  for (const op of description.operations) {
    const area = op.path.split('/')[3] ?? op.path;
    grouped.set(area, [...(grouped.get(area) ?? []), op]);
  }
  return grouped;
}

describe('every route, hostile input', () => {
  test('answers 2xx or a 4xx problem document naming the field, and a refused change writes nothing', async (t) => {
    for (const [area, operations] of areas()) {
      await t.test(area, async () => {
        for (const op of operations) {
          const requests = hostileRequests(op, context, (param) => fixtureParam(fixtures, op.path, param));
          await fc.assert(
            fc.asyncProperty(requests, async (request) => {
              const writes = request.method !== 'GET';
              const before = writes ? await databaseFingerprint(db()) : '';
              const answer = await send(server.url, server.adminToken, request);
              assertWellFormedAnswer(answer, describeRequest(request));
              // Accepted work goes on in the background (an import's undo): let it end before the next comparison.
              if (answer.status === 202) await settled();
              if (writes && answer.status >= 400) {
                const after = await databaseFingerprint(db());
                assert.deepEqual(changedTables(before, after), [], `refused but written: ${describeRequest(request)}`);
              }
            }),
            { seed: FC_SEED, numRuns: RUNS_PER_ROUTE, endOnFailure: true, includeErrorInReport: true },
          );
        }
      });
    }
  });
});

describe('requests refused before any route sees them', () => {
  test('a URL beyond the HTTP parser’s limit is a 431 problem document, not the framework’s own JSON', async () => {
    const answer = await send(server.url, server.adminToken, {
      method: 'GET',
      target: `/api/v1/contacts?q=${'%D8%A8'.repeat(4_000)}`,
      body: undefined,
      contentType: undefined,
    });
    assert.equal(answer.status, 431);
    assert.match(answer.contentType, /^application\/problem\+json/);
    assert.equal(JSON.parse(answer.text).status, 431);
  });
});
