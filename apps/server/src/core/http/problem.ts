import type { FieldIssue, Language } from '@peyvand/shared';
import { validationMessage } from '@peyvand/shared';

export type { FieldIssue };

const KINDS = {
  validation: { status: 400, fa: 'ورودی نامعتبر است', en: 'Invalid input' },
  unauthorized: { status: 401, fa: 'ابتدا وارد شوید', en: 'Authentication required' },
  forbidden: { status: 403, fa: 'اجازه این کار را ندارید', en: 'Not allowed' },
  csrf: { status: 403, fa: 'توکن CSRF نامعتبر است', en: 'Missing or invalid CSRF token' },
  'not-found': { status: 404, fa: 'پیدا نشد', en: 'Not found' },
  'method-not-allowed': { status: 405, fa: 'این روش درخواست پشتیبانی نمی‌شود', en: 'Method not allowed' },
  'request-timeout': { status: 408, fa: 'درخواست به‌موقع کامل نشد', en: 'The request was not completed in time' },
  conflict: { status: 409, fa: 'تعارض با وضعیت کنونی', en: 'Conflict with the current state' },
  'payload-too-large': { status: 413, fa: 'درخواست بیش از حد بزرگ است', en: 'Request too large' },
  unprocessable: { status: 422, fa: 'این کار با وضعیت کنونی شدنی نیست', en: 'Cannot be done in the current state' },
  'unsupported-media-type': { status: 415, fa: 'نوع محتوا پشتیبانی نمی‌شود', en: 'Unsupported content type' },
  'headers-too-large': {
    status: 431,
    fa: 'نشانی یا سرآیندهای درخواست بیش از حد بزرگ است',
    en: 'Request URL or headers too large',
  },
  'rate-limited': { status: 429, fa: 'تعداد درخواست‌ها بیش از حد است', en: 'Too many requests' },
  internal: { status: 500, fa: 'خطای داخلی سرور', en: 'Internal server error' },
  'not-ready': { status: 503, fa: 'سرویس آماده نیست', en: 'Service not ready' },
} as const;

export type ProblemKind = keyof typeof KINDS;

/** Thrown anywhere in a request; the error handler turns it into an RFC 9457 problem document. */
export class ProblemError extends Error {
  constructor(
    readonly kind: ProblemKind,
    readonly detail: { fa: string; en: string } | undefined = undefined,
    readonly issues: FieldIssue[] = [],
    readonly headers: Record<string, string> = {},
    /** RFC 9457 extension members: what a client needs to resolve it (a duplicate's candidates). */
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(detail?.en ?? KINDS[kind].en);
  }

  get status(): number {
    return KINDS[this.kind].status;
  }
}

export const validationProblem = (issues: FieldIssue[]) => new ProblemError('validation', undefined, issues);

export const notFound = (what = { fa: 'رکورد پیدا نشد.', en: 'Record not found.' }) =>
  new ProblemError('not-found', what);

export const forbidden = (detail?: { fa: string; en: string }) => new ProblemError('forbidden', detail);

/** The best of the languages we speak by the client's Accept-Language weights; Persian by default. */
export function languageOf(acceptLanguage: string | undefined): Language {
  let best: { language: Language; weight: number } | undefined;
  for (const part of (acceptLanguage ?? '').split(',')) {
    const [tag = '', ...parameters] = part.trim().toLowerCase().split(';');
    const language = tag.startsWith('fa') ? 'fa' : tag.startsWith('en') ? 'en' : undefined;
    const q = parameters.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const weight = q ? Number(q.slice(2)) : 1;
    if (!language || !(weight > 0)) continue;
    if (!best || weight > best.weight) best = { language, weight };
  }
  return best?.language ?? 'fa';
}

/** The language a request is answered in (languageOf its Accept-Language). */
export const requestLanguage = (req: { headers: { 'accept-language'?: string } }): Language =>
  languageOf(req.headers['accept-language']);

export interface ProblemDocument {
  [extension: string]: unknown;
  type: string;
  title: string;
  status: number;
  detail: string;
  errors: { field: string; code: string; message: string }[];
}

export function renderProblem(problem: ProblemError, language: Language): ProblemDocument {
  const kind = KINDS[problem.kind];
  return {
    ...problem.extensions,
    type: `/api/problems/${problem.kind}`,
    title: kind[language],
    status: kind.status,
    detail: problem.detail?.[language] ?? kind[language],
    errors: problem.issues.map((issue) => ({
      field: issue.field,
      code: issue.code,
      message: validationMessage(issue.code, language, issue.params),
    })),
  };
}
