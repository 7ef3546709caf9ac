import { toPersianDigits } from '@peyvand/shared/persian';
import { storedChoice } from '../locale/storedChoice';
import { ApiError, type ProblemDocument } from './problem';

/**
 * The one way the web app talks to the API: JSON over the session cookie, the CSRF token on
 * every request that changes something, and the user's language so problem documents come
 * back in it.
 */
let csrfToken: string | null = null;
// The browser's last choice until the session says otherwise, so even the first requests speak it.
let language: string = storedChoice().language;
let onUnauthorized: () => void = () => undefined;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function setRequestLanguage(next: string): void {
  language = next;
}

/** Called when a request answers 401: the session ended elsewhere (logout, expiry, password change). */
export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

async function request<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': language };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  const response = await fetch(`/api/v1${path}`, {
    method,
    headers,
    credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  const payload: unknown = text ? JSON.parse(text) : undefined;
  if (!response.ok) {
    if (response.status === 401) onUnauthorized();
    const problem = (payload && typeof payload === 'object' ? payload : {}) as ProblemDocument;
    throw new ApiError(
      language === 'fa'
        ? withPersianDigits({ ...problem, status: response.status })
        : { ...problem, status: response.status },
    );
  }
  return payload as T;
}

/** The server writes numbers in its messages with Latin digits; a Persian interface shows its own. */
function withPersianDigits(problem: ProblemDocument): ProblemDocument {
  return {
    ...problem,
    detail: problem.detail && toPersianDigits(problem.detail),
    errors: problem.errors?.map((e) => ({ ...e, message: toPersianDigits(e.message) })),
  };
}

export const api = {
  get: <T>(path: string) => request<T>('GET', path),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body ?? {}),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  delete: <T = void>(path: string) => request<T>('DELETE', path),
};

/** `?a=1&b=x` from the defined entries only. */
export function queryString(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    if (value !== undefined && value !== null) search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}
