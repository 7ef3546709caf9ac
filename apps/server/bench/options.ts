import { parseArgs } from 'node:util';

export type DatabaseKind = 'pglite' | 'postgres';

export interface BenchOptions {
  contacts: number;
  iterations: number;
  databases: DatabaseKind[];
  skipHttp: boolean;
  /** Rows of the CSV imported into contacts after the measurements; 0 leaves the import out. */
  importRows: number;
  /** Seconds of load per HTTP target. */
  httpSeconds: number;
  json: boolean;
  /** Print EXPLAIN ANALYZE of every measured query to stderr. */
  explain: boolean;
  /** Write the Markdown between README.md's bench markers. */
  updateReadme: boolean;
  postgresUrl: string;
}

export const USAGE = `npm run bench -- [--contacts N] [--iterations N] [--only pglite|postgres] [--skip-http]
                      [--http-seconds N] [--import-rows N] [--json] [--explain] [--update-readme]
PostgreSQL is reached through DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres);
a fresh database peyvand_bench_<random> is created there and dropped at the end.`;

function count(name: string, value: string | undefined, fallback: number, min: number): number {
  if (value === undefined) return fallback;
  const n = Number(value.replace(/[_,]/g, ''));
  if (!Number.isSafeInteger(n) || n < min) throw new Error(`--${name} must be a whole number ≥ ${min}, got "${value}"`);
  return n;
}

export function parseOptions(argv: string[], env: NodeJS.ProcessEnv = process.env): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      contacts: { type: 'string' },
      iterations: { type: 'string' },
      only: { type: 'string' },
      'skip-http': { type: 'boolean', default: false },
      'http-seconds': { type: 'string' },
      'import-rows': { type: 'string' },
      json: { type: 'boolean', default: false },
      explain: { type: 'boolean', default: false },
      'update-readme': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  if (values.only !== undefined && values.only !== 'pglite' && values.only !== 'postgres') {
    throw new Error(`--only must be pglite or postgres, got "${values.only}"`);
  }
  return {
    contacts: count('contacts', values.contacts, 10_000, 100),
    iterations: count('iterations', values.iterations, 300, 10),
    databases: values.only ? [values.only] : ['pglite', 'postgres'],
    skipHttp: values['skip-http'],
    httpSeconds: count('http-seconds', values['http-seconds'], 10, 1),
    importRows: count('import-rows', values['import-rows'], 10_000, 0),
    json: values.json,
    explain: values.explain,
    updateReadme: values['update-readme'],
    postgresUrl: env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres',
  };
}
