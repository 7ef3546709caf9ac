import type { z } from 'zod';
import { validationProblem } from './problem.js';
import { toFieldIssues } from '@peyvand/shared';

/**
 * Deeper than any input of this API needs (a filter tree of the deepest allowed kind is half
 * as deep). Zod's recursive schemas and PostgreSQL's jsonb parser both recurse once per level,
 * so a body nested thousands deep must be refused before either sees it, not overflow a stack.
 */
export const MAX_INPUT_DEPTH = 40;

function nestedDeeperThan(value: unknown, levels: number): boolean {
  if (value === null || typeof value !== 'object') return false;
  return levels === 0 || Object.values(value).some((item) => nestedDeeperThan(item, levels - 1));
}

/**
 * Parses request input or throws a 400 problem naming each offending field. Fields are named
 * as the client wrote them (`firstName`, `custom.region`); an input that is wrong as a whole
 * (a body that is not an object, or one nested too deep) is named by `whole`.
 */
export function parseInput<T>(schema: z.ZodType<T>, input: unknown, whole = 'body'): T {
  if (nestedDeeperThan(input, MAX_INPUT_DEPTH)) throw validationProblem([{ field: whole, code: 'nested_too_deep' }]);
  const result = schema.safeParse(input, { reportInput: true });
  if (!result.success) {
    throw validationProblem(
      toFieldIssues(result.error.issues).map((issue) => (issue.field ? issue : { ...issue, field: whole })),
    );
  }
  return result.data;
}
