/**
 * The load generator, run as a child process so it does not share the event loop (or the
 * core) of the server it measures. Reads its job as JSON on stdin, prints the result as JSON.
 */
import autocannon from 'autocannon';

export interface LoadJob {
  origin: string;
  paths: string[];
  headers: Record<string, string>;
  connections: number;
  seconds: number;
  warmUpSeconds: number;
}

export interface LoadResult {
  requestsPerSecond: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  requests: number;
  errors: number;
  non2xx: number;
}

async function readStdin(): Promise<string> {
  let text = '';
  for await (const chunk of process.stdin) text += chunk;
  return text;
}

function run(job: LoadJob, seconds: number): Promise<autocannon.Result> {
  let next = 0;
  return autocannon({
    url: job.origin,
    connections: job.connections,
    duration: seconds,
    headers: job.headers,
    requests: [
      {
        method: 'GET',
        setupRequest: (request) => ({ ...request, path: job.paths[next++ % job.paths.length]! }),
      },
    ],
  });
}

const job = JSON.parse(await readStdin()) as LoadJob;
if (job.warmUpSeconds > 0) await run(job, job.warmUpSeconds);
const result = await run(job, job.seconds);
const output: LoadResult = {
  requestsPerSecond: result.requests.average,
  latencyP50Ms: result.latency.p50,
  latencyP99Ms: result.latency.p99,
  requests: result.requests.total,
  errors: result.errors,
  non2xx: result.non2xx,
};
process.stdout.write(JSON.stringify(output));
