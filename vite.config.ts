import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// One config for the editor build (vite) and every test (vitest).
export default defineConfig({
  root: 'editor',
  plugins: [react()],
  build: {
    outDir: '../dist/editor',
    emptyOutDir: true,
    // pdf.js (about 1.6 MB, loaded only when an analyst imports a PDF) is the one chunk over 500 kB;
    // e2e/editing-frictions.test.ts keeps every other chunk under 500 kB.
    chunkSizeWarningLimit: 1_700,
    // The flow editor page in pieces that change at different paces, none over the 500 kB warning:
    // React, React Flow (with dagre), the flow validation (ajv's generated validators, schema/), and the dashboard's charts.
    rolldownOptions: {
      output: {
        manualChunks(id: string) {
          if (/node_modules\/(react|react-dom|scheduler)\//.test(id)) return 'react';
          // The dashboard's charting library and what only it uses (d3's scales and shapes through victory-vendor).
          if (/node_modules\/(recharts|victory-vendor|@reduxjs|redux|react-redux|reselect|immer|es-toolkit|decimal\.js-light|eventemitter3|tiny-invariant|internmap|d3-(scale|shape|array|format|time|time-format|path))\//.test(id)) return 'charts';
          if (/node_modules\/(@xyflow|@dagrejs|d3-[a-z]+|classcat)\//.test(id)) return 'canvas';
          // The two generated validators (the fast pass and the full pass with every error) apart: together they pass 500 kB.
          const validator = /\/schema\/generated\/validate-flow-(\w+)\./.exec(id);
          if (validator) return `flow-validation-${validator[1]}`;
          return undefined;
        },
      },
    },
  },
  server: { proxy: { '/api': 'http://127.0.0.1:3000', '/webhooks': 'http://127.0.0.1:3000' } },
  test: {
    root: '.',
    include: ['{schema,runtime,server,editor,fixtures,scripts,e2e}/**/*.test.{ts,tsx}'],
    environment: 'node',
    globals: true,
    testTimeout: 20_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
