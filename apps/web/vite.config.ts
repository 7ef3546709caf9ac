import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// In development the API runs on its own (npm start) and Vite proxies to it, so cookies stay
// same-origin. PEYVAND_API points the proxy at a server on another address.
const api = process.env.PEYVAND_API ?? 'http://localhost:3000';

export default defineConfig({
  plugins: [react()],
  // rrule's ES build has named exports only, its CommonJS build (what Node loads) a default one;
  // the shared code imports the default, as Node needs, so the browser bundle takes the same build.
  resolve: { alias: { rrule: 'rrule/dist/es5/rrule.js' } },
  server: { port: 5173, proxy: { '/api': api } },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 800 },
});
