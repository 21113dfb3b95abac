/**
 * `npm run fuzz`: 100,000 property-based cases (fast-check) against a real app on a fresh SQLite
 * file: webhook bodies signed correctly or not, and flow documents saved as the draft. Prints the
 * count, the server errors (5xx) and the refused requests that stored something anyway; exits 1
 * when either is not 0.
 */
import fc from 'fast-check';
import { createLiveTestApp } from '../testing/live-test-app.ts';
import { flowCase, runFlowCase, runWebhookCase, webhookCase, type FuzzOutcome } from './properties.ts';

const WEBHOOK_CASES = 80_000;
const FLOW_CASES = 20_000;

const t = await createLiveTestApp();
const totals = { cases: 0, serverErrors: 0, storedFromRefused: 0 };
const tally = (outcome: FuzzOutcome): true => {
  totals.cases += 1;
  if (outcome.status >= 500) totals.serverErrors += 1;
  if (outcome.storedFromRefused) totals.storedFromRefused += 1;
  if (totals.cases % 10_000 === 0) console.log(`  ${totals.cases} cases…`);
  return true;
};
const started = Date.now();
await fc.assert(fc.asyncProperty(webhookCase, async (input) => tally(await runWebhookCase(t, input))), { numRuns: WEBHOOK_CASES });
await fc.assert(fc.asyncProperty(flowCase, async (input) => tally(await runFlowCase(t, input))), { numRuns: FLOW_CASES });
await t.close();

console.log(`fuzz: ${totals.cases} cases (${WEBHOOK_CASES} webhook bodies, ${FLOW_CASES} flow documents) in ${Math.round((Date.now() - started) / 1000)} s`);
console.log(`fuzz: ${totals.serverErrors} server errors (5xx), ${totals.storedFromRefused} refused requests that stored something`);
process.exit(totals.serverErrors === 0 && totals.storedFromRefused === 0 ? 0 : 1);
