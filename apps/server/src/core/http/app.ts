import { createRequire } from 'node:module';
import path from 'node:path';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, LogController } from 'fastify';
import { authenticate } from '../auth/authenticate.js';
import { authRoutes } from '../auth/auth.routes.js';
import { listenForCredentialChanges } from '../auth/credential-listener.js';
import type { AppContext } from '../context.js';
import { metadataRoutes } from '../metadata/metadata.routes.js';
import { buildModuleSet } from '../metadata/module-registry.js';
import { recordRoutes } from '../records/records.routes.js';
import { searchRoutes } from '../search/search.routes.js';
import { meRoutes } from '../../modules/users/me.routes.js';
import { activityRoutes } from '../../modules/activities/activities.routes.js';
import { leadRoutes } from '../../modules/leads/leads.routes.js';
import { pipelineRoutes } from '../../modules/opportunities/pipeline.routes.js';
import { salesReportRoutes } from '../../modules/reports/sales-reports.routes.js';
import { preferenceRoutes } from '../../modules/users/preferences.routes.js';
import { recordBulkRoutes } from '../records/bulk.routes.js';
import { savedListRoutes } from '../saved-lists/saved-lists.routes.js';
import { exportRoutes } from '../../modules/exports/export.routes.js';
import { importRoutes, registerImportRoutes } from '../../modules/imports/imports.routes.js';
import { mergeRoutesOfModules } from '../../modules/merges/merges.routes.js';
import { duplicateRoutesOfModules } from '../../modules/merges/duplicates.routes.js';
import { installSecurityHeaders } from '../../web/security-headers.js';
import { registerWebApp } from '../../web/web-app.js';
import { startNotificationStreams } from '../../modules/notifications/notification-streams.js';
import {
  answerClientError,
  installErrorHandling,
  installNotFoundHandling,
  sendProblem,
  toProblem,
} from './error-handler.js';
import { healthRoutes } from './health.routes.js';
import { DOCS_INIT, DOCS_PAGE, buildOpenApi } from './openapi.js';
import { type RouteSpec, registerRoute } from './route.js';

const require = createRequire(import.meta.url);
const VERSION = (require('../../../package.json') as { version: string }).version;

export const apiRoutes: RouteSpec[] = [
  ...healthRoutes,
  ...authRoutes,
  ...meRoutes,
  ...metadataRoutes,
  ...searchRoutes,
  ...recordRoutes,
  ...activityRoutes,
  ...leadRoutes,
  ...pipelineRoutes,
  ...salesReportRoutes,
  ...recordBulkRoutes,
  ...exportRoutes,
  ...importRoutes,
  ...mergeRoutesOfModules,
  ...duplicateRoutesOfModules,
  ...savedListRoutes,
  ...preferenceRoutes,
];

export async function buildApp(ctx: AppContext): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { level: ctx.config.logLevel },
    logController: new LogController({ disableRequestLogging: ctx.config.logLevel !== 'debug' }),
    bodyLimit: ctx.config.bodyLimitBytes,
    // Only a proxy we run may tell us the client's address (login throttling counts by it).
    trustProxy: ctx.config.trustProxy,
    return503OnClosing: true,
    frameworkErrors: (error, req, reply) => sendProblem(req, reply, toProblem(error)),
    clientErrorHandler: answerClientError,
  });
  installErrorHandling(app);
  // The API speaks JSON only; Fastify's default text/plain parser would let text reach the handlers.
  app.removeContentTypeParser('text/plain');
  await app.register(cookie);
  await listenForCredentialChanges(app, ctx);
  await startNotificationStreams(app, ctx);
  installSecurityHeaders(app);

  for (const route of apiRoutes) if (!importRoutes.includes(route)) registerRoute(app, ctx, route);
  await registerImportRoutes(app, ctx);

  app.get('/api/openapi.json', async (req) => {
    // Signed-in callers see their workspace's custom fields in the schemas; others the declared ones.
    const auth = await authenticate(ctx, req).catch(() => null);
    const modules = auth
      ? await ctx.registry.modulesFor(auth.principal.workspaceId, auth.principal.metadataVersion)
      : buildModuleSet([]);
    return buildOpenApi(apiRoutes, modules, VERSION);
  });
  await app.register(fastifyStatic, {
    root: path.dirname(require.resolve('swagger-ui-dist/package.json')),
    prefix: '/api/docs/assets/',
    allowedPath: (pathname) => /^\/(swagger-ui\.css|swagger-ui-bundle\.js|favicon-32x32\.png)$/.test(pathname),
  });
  app.get('/api/docs', (_req, reply) => reply.type('text/html; charset=utf-8').send(DOCS_PAGE));
  app.get('/api/docs/init.js', (_req, reply) => reply.type('text/javascript; charset=utf-8').send(DOCS_INIT));
  installNotFoundHandling(app, await registerWebApp(app, ctx.config.webDistDir));
  return app;
}
