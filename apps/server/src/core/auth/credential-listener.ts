import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.js';
import { listenForChanges } from '../db/change-listener.js';
import { CREDENTIALS_CHANGED_CHANNEL } from './credential-cache.js';

/**
 * Ties the credential cache to the database's change notifications for as long as the app
 * serves requests: only then may credentials be answered from memory.
 */
export async function listenForCredentialChanges(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const listener = await listenForChanges(ctx.database, CREDENTIALS_CHANGED_CHANNEL, {
    onChange: () => ctx.credentials.invalidate(),
    onListening: () => ctx.credentials.setListening(true),
    onLost: (error) => {
      ctx.credentials.setListening(false);
      app.log.warn({ err: error }, 'credential-change listener lost; reconnecting, credentials uncached meanwhile');
    },
  });
  app.addHook('onClose', async () => {
    ctx.credentials.setListening(false);
    await listener.stop();
  });
}
