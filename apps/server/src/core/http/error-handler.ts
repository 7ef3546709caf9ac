import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isDatabaseUnavailable } from '../db/unavailable.js';
import { ProblemError, renderProblem, requestLanguage, validationProblem } from './problem.js';

export function toProblem(error: FastifyError & { code?: string }): ProblemError {
  if (error instanceof ProblemError) return error;
  const code = error.code ?? '';
  if (code === 'FST_ERR_BAD_URL') return new ProblemError('validation', undefined, [{ field: 'url', code: 'invalid' }]);
  // The router refuses a path segment over 100 characters before any route's schema sees it.
  if (code === 'FST_ERR_MAX_PARAM_LENGTH') {
    return validationProblem([{ field: 'url', code: 'too_big', params: { maximum: 100, origin: 'string' } }]);
  }
  if (code === 'FST_ERR_CTP_BODY_TOO_LARGE') return new ProblemError('payload-too-large');
  if (code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || code === 'FST_ERR_CTP_INVALID_CONTENT_LENGTH') {
    return new ProblemError('unsupported-media-type', {
      fa: 'بدنه درخواست باید application/json باشد.',
      en: 'The request body must be application/json.',
    });
  }
  if (code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || code.startsWith('FST_ERR_CTP') || error instanceof SyntaxError) {
    return new ProblemError('validation', undefined, [{ field: 'body', code: 'invalid_json' }]);
  }
  // The database is unreachable or restarting: the client may retry, it is not a bug.
  if (isDatabaseUnavailable(error)) {
    return new ProblemError(
      'not-ready',
      {
        fa: 'پایگاه داده در دسترس نیست؛ کمی بعد دوباره تلاش کنید.',
        en: 'The database is unavailable; try again shortly.',
      },
      [],
      { 'retry-after': '2' },
    );
  }
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return new ProblemError('validation', { fa: error.message, en: error.message });
  }
  return new ProblemError('internal');
}

export function sendProblem(req: FastifyRequest, reply: FastifyReply, problem: ProblemError): void {
  void reply
    .code(problem.status)
    .headers(problem.headers)
    .type('application/problem+json; charset=utf-8')
    .send(renderProblem(problem, requestLanguage(req)));
}

/**
 * Requests Node's HTTP parser refuses before Fastify sees them (a URL or headers beyond its
 * limit, a malformed request line) get a problem document like every other refusal, not
 * Fastify's own JSON. No request was parsed, so its Accept-Language is unknown: Persian, the default.
 */
export function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const problem =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? new ProblemError('headers-too-large')
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? new ProblemError('request-timeout')
        : new ProblemError('validation', undefined, [{ field: 'request', code: 'invalid' }]);
  const body = JSON.stringify(renderProblem(problem, 'fa'));
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${problem.status} ${STATUS_CODES[problem.status]}\r\n` +
        `Content-Type: application/problem+json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
        `Connection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}

export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, req, reply) => {
    const problem = toProblem(error);
    if (problem.status === 503) req.log.warn({ err: error }, 'database unavailable');
    else if (problem.status >= 500) req.log.error({ err: error }, 'request failed');
    sendProblem(req, reply, problem);
  });
}

/** Answers a browser's navigation to a page no server route serves: the web app routes in the browser. */
export interface PageFallback {
  matches(req: FastifyRequest): boolean;
  send(reply: FastifyReply): FastifyReply | Promise<FastifyReply>;
}

/** A request no route serves: the web app's page when a browser navigates, else a 404 problem document. */
export function installNotFoundHandling(app: FastifyInstance, pages: PageFallback): void {
  app.setNotFoundHandler((req, reply) => {
    if (pages.matches(req)) return pages.send(reply);
    sendProblem(req, reply, new ProblemError('not-found', { fa: 'این نشانی وجود ندارد.', en: 'No such route.' }));
    return reply;
  });
}
