/**
 * `npm run bench`: every layer's benchmark in one run (here, above the layers, so neither server/ nor editor/ imports the other). Each module prints its own figures and
 * ratios against a baseline measured in the same run; nothing here asserts a time.
 */
export {};

const benches: Array<{ name: string; load: () => Promise<{ default: () => Promise<void> }> }> = [
  { name: 'flow validation (schema/bench.ts)', load: () => import('../schema/bench.ts') },
  { name: 'runtime core and intent classifier (runtime/bench.ts)', load: () => import('../runtime/bench.ts') },
  { name: 'webhook path (server/bench/webhook.ts)', load: () => import('../server/bench/webhook.ts') },
  { name: 'scale-out: 100 numbers, SQLite and PostgreSQL with 1 and 3 instances (server/bench/scale-out.ts)', load: () => import('../server/bench/scale-out.ts') },
  { name: 'analytics query (server/bench/analytics.ts)', load: () => import('../server/bench/analytics.ts') },
  { name: 'reading a large draft back (server/bench/draft-read.ts)', load: () => import('../server/bench/draft-read.ts') },
  { name: 'regular-expression attack through the webhook (server/bench/regex-attack.ts)', load: () => import('../server/bench/regex-attack.ts') },
  { name: 'editor (e2e/editor-bench.ts)', load: () => import('../e2e/editor-bench.ts') },
];

const only = process.argv.slice(2);
for (const bench of benches) {
  if (only.length > 0 && !only.some((word) => bench.name.includes(word))) continue;
  console.log(`\n## ${bench.name}`);
  const module = await bench.load();
  await module.default();
}
