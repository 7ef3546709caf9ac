import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { PageFallback } from '../core/http/error-handler.js';
import { NOT_BUILT_PAGE } from './not-built-page.js';

/** Vite names every file under assets/ by its content hash: a changed file is a new URL. */
const HASHED_ASSET_CACHE = 'public, max-age=31536000, immutable';

/** Paths that belong to the server, never to the web app's router: a missing asset is a 404 too. */
const SERVER_PATHS = /^\/(api|healthz|readyz|assets)(\/|$)/;

/**
 * A browser navigating to one of the web app's own routes (/contacts/123): a GET that asks for
 * HTML, outside the API. Anything else that matches no route stays a 404 problem document.
 */
function isPageNavigation(req: FastifyRequest): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  if (SERVER_PATHS.test(req.url.split('?')[0]!)) return false;
  return (req.headers.accept ?? '').includes('text/html');
}

const html = (reply: FastifyReply) => reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache');

/**
 * Serves the built web app from `distDir`: hashed assets cached for good, index.html for `/` and
 * for every page navigation (the app routes in the browser), revalidated each time so a new
 * build is picked up at once. Without a build, `/` and navigations get a page saying how to
 * build it. Returns what answers navigations that match no server route.
 */
export async function registerWebApp(app: FastifyInstance, distDir: string): Promise<PageFallback> {
  const indexFile = path.join(distDir, 'index.html');
  if (!fs.existsSync(indexFile)) {
    const sendNotBuilt = (reply: FastifyReply) => html(reply).send(NOT_BUILT_PAGE);
    app.get('/', (_req, reply) => sendNotBuilt(reply));
    return { matches: isPageNavigation, send: sendNotBuilt };
  }

  const assetsDir = path.join(distDir, 'assets') + path.sep;
  await app.register(fastifyStatic, {
    root: distDir,
    prefix: '/',
    index: false,
    decorateReply: false,
    cacheControl: false,
    setHeaders: (reply, filePath) =>
      reply.header('cache-control', filePath.startsWith(assetsDir) ? HASHED_ASSET_CACHE : 'no-cache'),
  });
  // Read on each request (it is small): after a rebuild it must not name assets that are gone.
  const sendIndex = async (reply: FastifyReply) => html(reply).send(await fs.promises.readFile(indexFile));
  app.get('/', (_req, reply) => sendIndex(reply));
  return { matches: isPageNavigation, send: sendIndex };
}
