import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, type Page, chromium } from 'playwright-core';
import type { Config } from '../../../server/src/config.js';
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  type TestServer,
  startTestServer,
} from '../../../server/test/support/test-server.js';

/** Debian's Chromium, which CI installs; no browser is downloaded. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const SCREENSHOTS = fileURLToPath(new URL('../../test-results/screenshots/', import.meta.url));

export interface AppSession {
  server: TestServer;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Errors thrown in the page; a test ends by checking there were none. */
  pageErrors: string[];
  url(path: string): string;
  /** The API as the administrator (Bearer token), to set up data and check what was stored. */
  api<T = any>(method: string, path: string, body?: unknown): Promise<T>;
  screenshot(name: string, page?: Page): Promise<void>;
  close(): Promise<void>;
}

/**
 * One server on a fresh database and one browser per test file; the tests of a file share the
 * page, as a person working through the app would.
 */
export async function openApp(options: { withAdmin?: boolean; server?: Partial<Config> } = {}): Promise<AppSession> {
  // Without an administrator the server still starts; the web app then offers the first-run set-up.
  // `server` sets the rest, e.g. a test clock and an SMTP server for reminders.
  const server = await startTestServer({
    ...(options.withAdmin === false ? { adminEmail: undefined, adminPassword: undefined } : {}),
    ...options.server,
  });
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  const pageErrors: string[] = [];
  const { context, page } = await openPage(browser, (message) => pageErrors.push(message));
  await mkdir(SCREENSHOTS, { recursive: true });
  return {
    server,
    browser,
    context,
    page,
    pageErrors,
    url: (p) => `${server.url}${p}`,
    api: async (method, p, body) => {
      const response = await fetch(`${server.url}/api/v1${p}`, {
        method,
        headers: {
          authorization: `Bearer ${server.adminToken}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      if (!response.ok) throw new Error(`${method} ${p}: ${response.status} ${text}`);
      return text ? JSON.parse(text) : undefined;
    },
    screenshot: async (name, target = page) => {
      await target.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: false });
    },
    close: async () => {
      await browser.close();
      await server.stop();
    },
  };
}

/** A page of its own (cookies included) as a Persian user in Tehran sees it; its errors go to `onError`. */
async function openPage(browser: Browser, onError: (message: string) => void) {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    locale: 'fa-IR',
    timezoneId: 'Asia/Tehran',
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  page.on('pageerror', (error) => onError(error.message));
  return { context, page };
}

/** Logs in through the login page, as the administrator unless told otherwise. */
export async function logIn(
  page: Page,
  baseUrl: string,
  to = '/',
  as = { email: ADMIN_EMAIL, password: ADMIN_PASSWORD },
): Promise<void> {
  await page.goto(`${baseUrl}${to}`);
  await page.getByLabel('ایمیل').fill(as.email);
  await page.getByLabel('گذرواژه').fill(as.password);
  await page.getByRole('button', { name: 'ورود' }).click();
  await page.getByRole('navigation', { name: 'بخش‌ها' }).waitFor();
}

/**
 * A colleague at a browser of their own, logged in and at `to`; errors in their page count
 * among the session's (named by their e-mail).
 */
export async function logInAs(app: AppSession, email: string, password: string, to: string) {
  const { context, page } = await openPage(app.browser, (message) => app.pageErrors.push(`${email}: ${message}`));
  await logIn(page, app.server.url, to, { email, password });
  return { page, close: () => context.close() };
}
