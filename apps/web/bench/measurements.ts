import type { Page, Response } from 'playwright-core';

/** One measured run: what the person waited, and the part of it the server took (first byte of its answer). */
export interface Timing {
  totalMs: number;
  serverMs: number;
}

const ROW = 'tbody tr[data-record-id]';
const SEARCH_BOX = 'جستجو در همه بخش‌ها';
/** A steady typist: below the search box's 200 ms pause, so only the last fragment is asked for. */
const KEYSTROKE_MS = 60;

function serverPart(response: Response): number {
  const timing = response.request().timing();
  return timing.responseStart - timing.requestStart;
}

/**
 * Loads /contacts afresh, as after typing its address: from the start of the navigation (the
 * page's own clock) to the first animation frame that has the first page's rows.
 */
export async function timeContactsList(page: Page, url: string): Promise<Timing> {
  const query = page.waitForResponse((r) => r.url().endsWith('/api/v1/contacts/query'));
  await page.goto(url, { waitUntil: 'commit' });
  const shown = await page.waitForFunction((row) => document.querySelector(row) && performance.now(), ROW, {
    polling: 'raf',
  });
  return { totalMs: (await shown.jsonValue()) as number, serverMs: serverPart(await query) };
}

/**
 * Types `text` into the global search box key by key, then times from the last keystroke to the
 * first frame showing the results for the whole of it (the 200 ms typing pause included).
 */
export async function timeSearch(page: Page, text: string): Promise<Timing> {
  const box = page.getByRole('combobox', { name: SEARCH_BOX });
  await box.fill('');
  await page.waitForFunction(() => document.querySelectorAll('[role="option"]').length === 0);
  const answer = page.waitForResponse(
    (r) => r.url().includes('/api/v1/search?') && new URL(r.url()).searchParams.get('q') === text.trim(),
  );
  await box.pressSequentially(text, { delay: KEYSTROKE_MS });
  const started = performance.now();
  const response = await answer;
  await page.waitForFunction(() => document.querySelectorAll('[role="option"]').length > 0, undefined, {
    polling: 'raf',
  });
  return { totalMs: performance.now() - started, serverMs: serverPart(response) };
}
