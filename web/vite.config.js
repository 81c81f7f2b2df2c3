// Vite build of the pages into web/dist (served by `reparto serve --web-root web/dist`); in
// development (`npm run dev`) /api is proxied to a running server: REPARTO_API, default
// http://127.0.0.1:8080.
import { defineConfig } from 'vite';

const api = process.env.REPARTO_API || 'http://127.0.0.1:8080';

export default defineConfig({
  base: '/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2020',
    sourcemap: false,
    // No inline module-preload polyfill script: the page runs under CSP default-src 'self'.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: api, changeOrigin: false, ws: false },
    },
  },
  test: {
    include: ['test/**/*.test.js'],
    environment: 'node',
  },
});
