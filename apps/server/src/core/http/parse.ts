import type { z } from 'zod';
import { validationProblem } from './problem.js';
import { toFieldIssues } from './zod-issues.js';

/**
 * Parses request input or throws a 400 problem naming each offending field. Fields are named
 * as the client wrote them (`firstName`, `custom.region`); an input that is wrong as a whole
 * (a body that is not an object) is named by `whole`.
 */
export function parseInput<T>(schema: z.ZodType<T>, input: unknown, whole = 'body'): T {
  const result = schema.safeParse(input, { reportInput: true });
  if (!result.success) {
    throw validationProblem(
      toFieldIssues(result.error.issues).map((issue) => (issue.field ? issue : { ...issue, field: whole })),
    );
  }
  return result.data;
}
