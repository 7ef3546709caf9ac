/**
 * The mixed load generator, run as a child process so it shares neither the event loop nor the
 * core of the server it measures. Reads a MixedLoadJob as JSON on stdin, prints a LoadResult.
 *
 * Each connection is one user with an API token of their own, going round a fixed cycle of
 * requests weighted like a sales team's day: mostly reading (get, list, search), some writing
 * (create a contact, then update it with the version the create answered).
 */
import autocannon from 'autocannon';
import type { LoadResult } from './load.js';

export interface MixedLoadResult extends LoadResult {
  latencyP95Ms: number;
}

export interface MixedLoadJob {
  origin: string;
  /** One per connection. */
  tokens: string[];
  contactIds: string[];
  /** Names and phone numbers of existing contacts, to search for. */
  searchTerms: string[];
  seconds: number;
  warmUpSeconds: number;
  /** Set: every request is a GET of this path instead of the mix (the framework's ceiling). */
  constantPath?: string;
}

interface UserContext {
  token?: string;
  created?: { id: string; version: number };
  step?: number;
}

/** autocannon's request, with the per-connection context typed as this scenario uses it. */
interface Request {
  method: 'GET' | 'POST' | 'PATCH';
  path?: string;
  setupRequest: (request: Record<string, unknown>, context: UserContext) => Record<string, unknown>;
  onResponse?: (status: number, body: string, context: UserContext) => void;
}

async function readStdin(): Promise<string> {
  let text = '';
  for await (const chunk of process.stdin) text += chunk;
  return text;
}

function requestsFor(job: MixedLoadJob): Request[] {
  let nextUser = 0;
  let pick = 0;
  const any = <T>(items: T[]): T => items[pick++ % items.length]!;
  /** Every request carries the connection's own token, handed out on its first request. */
  const as = (context: UserContext, request: Record<string, unknown>) => {
    context.token ??= job.tokens[nextUser++ % job.tokens.length];
    context.step = (context.step ?? 0) + 1;
    return {
      ...request,
      headers: {
        ...(request.headers as object),
        authorization: `Bearer ${context.token}`,
        'content-type': 'application/json',
      },
    };
  };
  const get: Request = {
    method: 'GET',
    setupRequest: (req, context) => as(context, { ...req, path: `/api/v1/contacts/${any(job.contactIds)}` }),
  };
  const list: Request = {
    method: 'GET',
    setupRequest: (req, context) => as(context, { ...req, path: '/api/v1/contacts?limit=25' }),
  };
  const search: Request = {
    method: 'GET',
    setupRequest: (req, context) =>
      as(context, { ...req, path: `/api/v1/search?q=${encodeURIComponent(any(job.searchTerms))}` }),
  };
  const create: Request = {
    method: 'POST',
    setupRequest: (req, context) =>
      as(context, { ...req, body: JSON.stringify({ firstName: 'مشتری', lastName: `تازه ${context.step}` }) }),
    path: '/api/v1/contacts',
    onResponse: (status, body, context) => {
      if (status === 201) {
        const record = JSON.parse(body) as { id: string; version: number };
        context.created = { id: record.id, version: record.version };
      }
    },
  };
  const update: Request = {
    method: 'PATCH',
    setupRequest: (req, context) => {
      const created = context.created!;
      return as(context, {
        ...req,
        path: `/api/v1/contacts/${created.id}`,
        body: JSON.stringify({ lastName: `ویرایش ${context.step}`, version: created.version }),
      });
    },
    onResponse: (status, body, context) => {
      if (status === 200) context.created!.version = (JSON.parse(body) as { version: number }).version;
    },
  };
  // 20 requests: 35 % get, 25 % list, 20 % search, 10 % create, 10 % update.
  return [
    get,
    list,
    search,
    get,
    create,
    get,
    list,
    update,
    search,
    get,
    list,
    get,
    search,
    create,
    get,
    list,
    update,
    get,
    search,
    list,
  ];
}

/** autocannon's summary has no p95: every response time is kept and the percentiles taken from them. */
function run(job: MixedLoadJob, seconds: number): Promise<{ result: autocannon.Result; latencies: number[] }> {
  const latencies: number[] = [];
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: job.origin,
        connections: job.tokens.length,
        duration: seconds,
        requests: job.constantPath
          ? [{ method: 'GET', path: job.constantPath }]
          : (requestsFor(job) as unknown as autocannon.Request[]),
      },
      (error, result) => (error ? reject(error) : resolve({ result, latencies })),
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
}

const percentile = (sorted: number[], p: number): number =>
  sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

const job = JSON.parse(await readStdin()) as MixedLoadJob;
if (job.warmUpSeconds > 0) await run(job, job.warmUpSeconds);
const { result, latencies } = await run(job, job.seconds);
latencies.sort((a, b) => a - b);
const output: MixedLoadResult = {
  requestsPerSecond: result.requests.total / job.seconds,
  latencyP50Ms: percentile(latencies, 50),
  latencyP95Ms: percentile(latencies, 95),
  latencyP99Ms: percentile(latencies, 99),
  requests: result.requests.total,
  errors: result.errors + result.timeouts,
  non2xx: result.non2xx,
};
process.stdout.write(JSON.stringify(output));
