import type { z } from 'zod';
import { validationProblem } from './problem.js';
import { toFieldIssues } from './zod-issues.js';

/** Parses request input or throws a 400 problem naming each offending field. */
export function parseInput<T>(schema: z.ZodType<T>, input: unknown, prefix = ''): T {
  const result = schema.safeParse(input, { reportInput: true });
  if (!result.success) throw validationProblem(toFieldIssues(result.error.issues, prefix));
  return result.data;
}
