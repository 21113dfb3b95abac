import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// One config for the editor build (vite) and every test (vitest).
export default defineConfig({
  root: 'editor',
  plugins: [react()],
  build: { outDir: '../dist/editor', emptyOutDir: true },
  server: { proxy: { '/api': 'http://127.0.0.1:3000', '/webhooks': 'http://127.0.0.1:3000' } },
  test: {
    root: '.',
    include: ['{schema,runtime,server,editor,fixtures,scripts}/**/*.test.{ts,tsx}'],
    environment: 'node',
    globals: true,
    testTimeout: 20_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
