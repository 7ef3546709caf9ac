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

async function send(method: Method, path: string, body: unknown, accept: string): Promise<Response> {
  const headers: Record<string, string> = { accept, 'accept-language': language };
  // A form (file upload) sets its own multipart content type with the boundary.
  const form = body instanceof FormData;
  if (body !== undefined && !form) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  const response = await fetch(`/api/v1${path}`, {
    method,
    headers,
    credentials: 'same-origin',
    body: body === undefined || form ? body : JSON.stringify(body),
  });
  if (!response.ok) {
    if (response.status === 401) onUnauthorized();
    const text = await response.text();
    const payload: unknown = text.startsWith('{') ? JSON.parse(text) : undefined;
    const problem = (payload && typeof payload === 'object' ? payload : {}) as ProblemDocument;
    throw new ApiError(
      language === 'fa'
        ? withPersianDigits({ ...problem, status: response.status })
        : { ...problem, status: response.status },
    );
  }
  return response;
}

async function request<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const response = await send(method, path, body, 'application/json');
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** A file the server sends as an attachment, with the name it gives it. */
export interface DownloadedFile {
  blob: Blob;
  fileName: string;
}

async function download(path: string, body: unknown): Promise<DownloadedFile> {
  const response = await send('POST', path, body, '*/*');
  const disposition = response.headers.get('content-disposition') ?? '';
  const fileName = /filename="([^"]+)"/.exec(disposition)?.[1] ?? 'download';
  return { blob: await response.blob(), fileName };
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
  /** multipart/form-data, for uploads. */
  postForm: <T>(path: string, form: FormData) => request<T>('POST', path, form),
  /** A POST whose answer is a file (exports): sent with the session's language and CSRF token. */
  download,
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
