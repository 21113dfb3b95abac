import fc from 'fast-check';
import { createLiveTestApp, type LiveTestApp } from '../testing/live-test-app.ts';
import { flowCase, runFlowCase, runWebhookCase, webhookCase } from './properties.ts';

/** A few thousand cases in the normal run; `npm run fuzz` runs 100,000 (server/fuzz/run.ts). */
const WEBHOOK_RUNS = 1500;
const FLOW_RUNS = 500;

let t: LiveTestApp;
beforeAll(async () => {
  t = await createLiveTestApp();
});
afterAll(() => t.close());

describe('fuzzing', () => {
  it(`webhook bodies, signed or not (${WEBHOOK_RUNS} cases): never a 5xx, nothing stored from a refused body`, { timeout: 120_000 }, async () => {
    await fc.assert(fc.asyncProperty(webhookCase, async (input) => {
      const outcome = await runWebhookCase(t, input);
      expect(outcome.status).toBeLessThan(500);
      expect(outcome.storedFromRefused).toBe(false);
      if (input.signing !== 'valid') expect(outcome.status).toBe(401);
    }), { numRuns: WEBHOOK_RUNS });
  });

  it(`flow documents saved as the draft (${FLOW_RUNS} cases): never a 5xx, a refused one leaves the draft as it was`, { timeout: 120_000 }, async () => {
    await fc.assert(fc.asyncProperty(flowCase, async (input) => {
      const outcome = await runFlowCase(t, input);
      expect(outcome.status).toBeLessThan(500);
      expect(outcome.storedFromRefused).toBe(false);
    }), { numRuns: FLOW_RUNS });
  });
});
