/**
 * `npm run bench:web [-- --contacts N] [--iterations N] [--update-readme]`: a real server on a
 * fresh database (PostgreSQL at DATABASE_URL, by default the local one) with N generated Persian
 * contacts and the demo data, driven in Debian's Chromium: how long the contacts list takes to
 * show its first page, and the search box to answer after the last keystroke. Reports, asserts nothing.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { type Stats, summarize } from '../../server/bench/measure.js';
import { replaceReadmeSection } from '../../server/bench/readme-section.js';
import { logIn, openApp } from '../test/support/app-session.js';
import { type Timing, timeContactsList, timeSearch } from './measurements.js';
import { populate } from './populate.js';

const log = (message: string) => console.error(`[bench:web] ${message}`);
const ms = (n: number) => `${Math.round(n)} ms`;

function options() {
  const { values } = parseArgs({
    options: {
      contacts: { type: 'string', default: '100000' },
      iterations: { type: 'string', default: '10' },
      'update-readme': { type: 'boolean', default: false },
    },
  });
  return {
    contacts: Number(values.contacts),
    iterations: Number(values.iterations),
    updateReadme: values['update-readme'],
  };
}

/** One warm-up run, then `iterations` measured ones. */
async function repeat(iterations: number, run: (i: number) => Promise<Timing>) {
  await run(iterations);
  const timings: Timing[] = [];
  for (let i = 0; i < iterations; i++) timings.push(await run(i));
  return { total: summarize(timings.map((t) => t.totalMs)), server: summarize(timings.map((t) => t.serverMs)) };
}

const row = (what: string, r: { total: Stats; server: Stats }) =>
  `| ${what} | ${ms(r.total.p50)} | ${ms(r.total.p95)} | ${ms(r.server.p50)} | ${ms(r.server.p95)} |`;

async function main(): Promise<void> {
  const { contacts, iterations, updateReadme } = options();
  if (!existsSync(new URL('../dist/index.html', import.meta.url))) {
    log('building the web app');
    execFileSync('npm', ['run', 'build', '-w', '@peyvand/web'], { stdio: 'inherit' });
  }
  process.env.DATABASE_URL ??= 'postgres://postgres@127.0.0.1:5432/postgres';
  const app = await openApp();
  try {
    const population = await populate(app.server.server.ctx, contacts, log);
    await logIn(app.page, app.server.url, '/contacts');
    const list = await repeat(iterations, () => timeContactsList(app.page, app.url('/contacts')));
    log(`contacts list: p50 ${ms(list.total.p50)}, p95 ${ms(list.total.p95)}`);
    const names = population.names;
    const search = await repeat(iterations, (i) => timeSearch(app.page, names[i % names.length]!));
    log(`search: p50 ${ms(search.total.p50)}, p95 ${ms(search.total.p95)}`);
    if (app.pageErrors.length > 0) log(`errors in the page: ${app.pageErrors.join('; ')}`);

    const cpus = os.cpus();
    const text = [
      `${new Date().toISOString().slice(0, 10)}, ${cpus.length} × ${cpus[0]?.model.trim() ?? 'CPU'}, ${population.database},`,
      `Chromium ${app.browser.version()} (headless), ${population.contacts.toLocaleString('en')} contacts`,
      `(${contacts.toLocaleString('en')} generated and the demo data's), ${iterations} runs after one warm-up:`,
      '',
      '| Measured in the browser | p50 | p95 | server p50 | server p95 |',
      '| --- | ---: | ---: | ---: | ---: |',
      row('Contacts list: navigation → first page shown', list),
      row('Search: last keystroke → results shown (200 ms typing pause included)', search),
    ].join('\n');
    console.log(text);
    if (updateReadme) {
      await replaceReadmeSection('web-bench', text);
      log('README.md updated');
    }
  } finally {
    await app.close();
  }
}

await main();
