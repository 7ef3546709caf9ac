import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The web app of this repository (apps/web), beside the server package in the npm workspace. */
export const WEB_APP_DIR = fileURLToPath(new URL('../../../web/', import.meta.url));
/** Where `npm run build -w @peyvand/web` writes the app (Vite's output). */
export const DEFAULT_WEB_DIST = path.join(WEB_APP_DIR, 'dist');
export const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
