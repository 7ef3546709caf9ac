import { ApiError } from './problem';

/** Field path → message, from a failed request's problem document. */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  return Object.fromEntries(error.fieldErrors.map((e) => [e.field, e.message]));
}

/** The message to show above a form: the problem's detail when no field carries it. */
export function formErrorOf(error: unknown, fallback: string): string | null {
  if (!error) return null;
  if (error instanceof ApiError) return error.fieldErrors.length > 0 ? null : (error.problem.detail ?? fallback);
  return fallback;
}
