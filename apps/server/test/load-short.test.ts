import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createLoadUsers, runLoadScenario } from '../bench/load-scenario.js';
import { type Sample, seedContacts } from '../bench/seed-contacts.js';
import { setUpWorkspace } from '../bench/set-up.js';
import { type TestServer, startTestServer } from './support/test-server.js';

/** The scenario of `npm run bench:load`, briefly and small: it must answer every request well. */
let server: TestServer;
let tokens: string[];
let sample: Sample;

before(async () => {
  server = await startTestServer();
  const { ctx } = server.server;
  const workspace = await setUpWorkspace(ctx);
  const seeded = await seedContacts(ctx, workspace.modules, {
    contacts: 300,
    ownerIds: workspace.ownerIds,
    seed: 'load-short',
    log: () => undefined,
  });
  sample = seeded.sample;
  tokens = await createLoadUsers(ctx, 5);
});

after(() => server.stop());

test('5 users listing, searching, reading, creating and updating contacts at once get no error and no non-2xx answer', async () => {
  const result = await runLoadScenario(server.server.ctx, tokens, sample, { seconds: 3, warmUpSeconds: 0 });
  assert.ok(result.mixed.requests > 0, 'requests were made');
  assert.equal(result.mixed.errors, 0, 'connection errors or timeouts');
  assert.equal(result.mixed.non2xx, 0, 'answers other than 2xx');
  assert.equal(result.ceiling.errors + result.ceiling.non2xx, 0);
});
