import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { loadConfig } from '../src/config.js';
import { ApiClient } from './support/api-client.js';
import { expectProblem } from './support/records-helpers.js';
import { type TestServer, startTestServer } from './support/test-server.js';

const PERSIAN = /[\u0600-\u06FF]/;
const INDEX =
  '<!doctype html><html lang="fa" dir="rtl"><body><div id="root"></div><script type="module" src="/assets/index-Bx7kQ2.js"></script></body></html>';
const SCRIPT = 'console.log("پیوند");';
const NAVIGATE = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };

let dist: string;

before(async () => {
  dist = await fs.mkdtemp(path.join(os.tmpdir(), 'peyvand-web-dist-'));
  await fs.mkdir(path.join(dist, 'assets'));
  await fs.writeFile(path.join(dist, 'index.html'), INDEX);
  await fs.writeFile(path.join(dist, 'assets', 'index-Bx7kQ2.js'), SCRIPT);
  await fs.writeFile(path.join(dist, 'assets', 'index-R55pT.css'), 'body{margin:0}');
  await fs.writeFile(path.join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
});
after(() => fs.rm(dist, { recursive: true, force: true }));

function assertSecurityHeaders(headers: Headers): void {
  const csp = headers.get('content-security-policy') ?? '';
  const directive = (name: string) =>
    csp
      .split(';')
      .map((d) => d.trim())
      .find((d) => d.startsWith(`${name} `)) ?? '';
  assert.equal(directive('default-src'), "default-src 'self'");
  assert.equal(directive('script-src'), "script-src 'self'", 'no inline or foreign scripts');
  assert.equal(directive('style-src'), "style-src 'self' 'unsafe-inline'", 'Emotion injects <style> tags');
  assert.equal(directive('frame-ancestors'), "frame-ancestors 'none'");
  assert.equal(directive('object-src'), "object-src 'none'");
  assert.equal(headers.get('x-content-type-options'), 'nosniff');
  assert.equal(headers.get('x-frame-options'), 'DENY');
  assert.equal(headers.get('referrer-policy'), 'same-origin');
}

describe('with a built web app', () => {
  let server: TestServer;
  let api: ApiClient;

  before(async () => {
    server = await startTestServer({ webDistDir: dist });
    api = new ApiClient(server.url, null);
  });
  after(() => server.stop());

  test('/ is index.html, revalidated on every visit, with the security headers', async () => {
    for (const headers of [NAVIGATE, {}]) {
      const res = await api.get('/', { headers });
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-type') ?? '', /^text\/html; charset=utf-8/);
      assert.equal(res.body, INDEX);
      assert.equal(res.headers.get('cache-control'), 'no-cache');
      assertSecurityHeaders(res.headers);
    }
  });

  test('hashed assets are cached for a year, immutable; other files are revalidated', async () => {
    const script = await api.get('/assets/index-Bx7kQ2.js');
    assert.equal(script.status, 200);
    assert.equal(script.body, SCRIPT);
    assert.match(script.headers.get('content-type') ?? '', /javascript/);
    assert.equal(script.headers.get('cache-control'), 'public, max-age=31536000, immutable');
    assertSecurityHeaders(script.headers);
    const style = await api.get('/assets/index-R55pT.css');
    assert.match(style.headers.get('content-type') ?? '', /^text\/css/);
    assert.match(style.headers.get('cache-control') ?? '', /immutable/);

    const icon = await api.get('/favicon.svg');
    assert.equal(icon.status, 200);
    assert.equal(icon.headers.get('cache-control'), 'no-cache');
  });

  test('a browser navigating to one of the app’s pages gets index.html (the app routes in the browser)', async () => {
    for (const page of [
      '/contacts',
      '/contacts/0190a8b2-7c3d-7e4f-8a1b-2c3d4e5f6a7b',
      '/settings/fields/leads?tab=2',
    ]) {
      const res = await api.get(page, { headers: NAVIGATE });
      assert.equal(res.status, 200, page);
      assert.equal(res.body, INDEX, page);
      assert.equal(res.headers.get('cache-control'), 'no-cache');
    }
  });

  test('the API, health checks and missing assets stay 404 problem documents, even for a browser', async () => {
    for (const url of ['/api/v1/no-such-thing', '/api', '/healthz/deep', '/assets/index-OLD.js', '/contacts']) {
      const headers = url === '/contacts' ? { accept: 'application/json' } : NAVIGATE;
      const res = await api.get(url, { headers, language: 'en' });
      expectProblem(res, 404);
      assert.equal(res.body.detail, 'No such route.', url);
    }
    expectProblem(await api.post('/contacts', {}, { headers: NAVIGATE }), 404);
    const health = await api.get('/healthz', { headers: NAVIGATE });
    assert.equal(health.status, 200);
    assert.match(health.headers.get('content-type') ?? '', /json/);
  });

  test('files outside the build are never served', async () => {
    for (const url of ['/../package.json', '/%2e%2e/%2e%2e/package.json', '/assets/..%2f..%2fpackage.json']) {
      const res = await api.get(url);
      assert.ok([400, 403, 404].includes(res.status), `${url}: ${res.status}`);
      assert.doesNotMatch(String(JSON.stringify(res.body)), /"name":\s*"@peyvand/);
    }
  });

  test('a new build is served at once, without a restart', async () => {
    const rebuilt = INDEX.replace('index-Bx7kQ2.js', 'index-N3wB1d.js');
    await fs.writeFile(path.join(dist, 'index.html'), rebuilt);
    try {
      assert.equal((await api.get('/', { headers: NAVIGATE })).body, rebuilt);
      assert.equal((await api.get('/leads', { headers: NAVIGATE })).body, rebuilt);
    } finally {
      await fs.writeFile(path.join(dist, 'index.html'), INDEX);
    }
  });
});

describe('without a build', () => {
  let server: TestServer;
  let api: ApiClient;

  before(async () => {
    server = await startTestServer({ webDistDir: path.join(dist, 'not-built') });
    api = new ApiClient(server.url, null);
  });
  after(() => server.stop());

  test('/ and page navigations answer a bilingual page saying how to build the app, not an error', async () => {
    for (const url of ['/', '/contacts']) {
      const res = await api.get(url, { headers: NAVIGATE });
      assert.equal(res.status, 200, url);
      assert.match(res.headers.get('content-type') ?? '', /^text\/html/);
      assert.match(res.body, PERSIAN);
      assert.match(res.body, /has not been built/);
      assert.match(res.body, /npm run build -w @peyvand\/web/);
      assertSecurityHeaders(res.headers);
    }
    expectProblem(await api.get('/api/v1/nothing-here', { headers: NAVIGATE }), 404);
    expectProblem(await api.get('/assets/index.js'), 404);
  });
});

describe('configuration', () => {
  test('PEYVAND_WEB_DIST names the build, relative to where npm was started; by default apps/web/dist', () => {
    assert.equal(
      loadConfig({ PEYVAND_WEB_DIST: 'web/build', INIT_CWD: '/srv/peyvand' }).webDistDir,
      '/srv/peyvand/web/build',
    );
    assert.equal(loadConfig({ PEYVAND_WEB_DIST: '/opt/peyvand-web' }).webDistDir, '/opt/peyvand-web');
    const fallback = loadConfig({}).webDistDir;
    assert.equal(fallback, path.resolve(import.meta.dirname, '../../web/dist'));
  });
});
