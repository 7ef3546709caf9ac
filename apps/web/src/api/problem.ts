/** A field error of an RFC 9457 problem document, as the API sends it. */
interface FieldError {
  field: string;
  code: string;
  message: string;
}

export interface ProblemDocument {
  type?: string;
  title?: string;
  status: number;
  detail?: string;
  errors?: FieldError[];
}

/** Any non-2xx answer: the problem document when the server sent one, a stand-in otherwise. */
export class ApiError extends Error {
  constructor(readonly problem: ProblemDocument) {
    super(problem.detail ?? problem.title ?? `HTTP ${problem.status}`);
  }

  get status(): number {
    return this.problem.status;
  }

  get fieldErrors(): FieldError[] {
    return this.problem.errors ?? [];
  }
}

export const isConflict = (error: unknown): error is ApiError => error instanceof ApiError && error.status === 409;
