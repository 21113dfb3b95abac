import { readdirSync, readFileSync } from 'node:fs';
import { generateFlow } from '../fixtures/generate-flow.ts';
import { flowValidators } from './ajv.ts';
import { validateFlow } from './validate/validate-flow.ts';

/** Runs `task` for about `budgetMs` (at least 20 times) after a warm-up; returns the median and the rate. */
function measure(task: () => void, budgetMs = 1500): { medianMs: number; fastestMs: number; perSecond: number } {
  for (let i = 0; i < 20; i++) task();
  const times: number[] = [];
  const started = performance.now();
  while (times.length < 20 || performance.now() - started < budgetMs) {
    const t0 = performance.now();
    task();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const total = times.reduce((sum, time) => sum + time, 0);
  return { medianMs: times[Math.floor(times.length / 2)]!, fastestMs: times[0]!, perSecond: (times.length * 1000) / total };
}

/** Full validation against ajv's schema-only check of the same document, measured in the same run. */
function compare(label: string, document: unknown): void {
  const { fast } = flowValidators();
  const baseline = measure(() => fast(document));
  const full = measure(() => validateFlow(document));
  const ratio = full.medianMs / baseline.medianMs;
  console.log(
    `${label.padEnd(40)} validateFlow ${full.medianMs.toFixed(2)} ms median (fastest ${full.fastestMs.toFixed(2)}), ${Math.round(full.perSecond)}/s` +
      ` | ajv schema only ${baseline.medianMs.toFixed(2)} ms (fastest ${baseline.fastestMs.toFixed(2)}), ${Math.round(baseline.perSecond)}/s | ratio ${ratio.toFixed(1)}x`,
  );
}

/** `npm run bench schema`: validateFlow on a generated 1,000-node flow (target < 20 ms median) and on each fixture bot. */
export default async function bench(): Promise<void> {
  flowValidators(); // compile once, outside the timings
  const generated = generateFlow(1000);
  const bytes = JSON.stringify(generated).length;
  console.log(`generated flow: ${generated.nodes.length} nodes, ${generated.edges.length} edges, ${Math.round(bytes / 1024)} KB`);
  compare('generated 1,000 nodes (valid)', generated);
  const broken = structuredClone(generated);
  (broken.nodes[500]!.data as Record<string, unknown>).extra = true;
  compare('generated 1,000 nodes (1 schema error)', broken);
  const folder = new URL('../fixtures/flows/', import.meta.url);
  const files = readdirSync(folder).filter((name) => name.endsWith('.json')).sort();
  if (files.length === 0) console.log('fixtures/flows: no fixture bots yet, skipped');
  for (const file of files) compare(`fixtures/flows/${file}`, JSON.parse(readFileSync(new URL(file, folder), 'utf8')));
}
