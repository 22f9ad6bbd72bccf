/// <reference types="vitest/config" />
import { availableParallelism } from 'node:os';
import { fileURLToPath, URL } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const apiTarget = process.env.NETZWERK_API_URL ?? 'http://127.0.0.1:8000';

export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  server: {
    host: '127.0.0.1',
    port: 5173,
    strictPort: true,
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    // Keep inline data URIs out of the bundle: the backend's CSP allows
    // img-src data:, but fonts must come from 'self'.
    assetsInlineLimit: 0,
    target: 'es2022',
    // Lets scripts/bundle-size.mjs tell the initial load from lazy chunks.
    manifest: true,
  },
  test: {
    environment: 'jsdom',
    globals: true,
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    css: false,
    restoreMocks: true,
    // Rendering tests with user-event take over the 5 s default on a loaded 2-core CI machine.
    testTimeout: 20_000,
    // One worker per core. Vitest's default for `vitest run` is one fewer, which on the 2-core CI
    // machine means a single worker: 130 s instead of 60 s for the suite.
    maxWorkers: availableParallelism(),
  },
});
