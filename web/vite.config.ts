import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The web app lives in web/ and is built to dist/web, which the server serves statically (with an
// SPA fallback). In development Vite serves the app and proxies /api to the server on :3000, so
// cookies and CSRF work exactly as in production (same origin).
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: {
    outDir: '../dist/web', // relative to root
    // One bundle for a small internal app; split per route when the modules grow.
    chunkSizeWarningLimit: 1024,
    emptyOutDir: true,
    // The server's CSP forbids inline script; keep every script an external file.
    modulePreload: { polyfill: false },
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: {
      '/api': { target: 'http://localhost:3000' },
    },
  },
});
