import type { Locator, Page } from 'playwright-core';

async function center(locator: Locator) {
  const box = (await locator.boundingBox())!;
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** What a user does on the canvas, by the test ids of editor/README.md. */
export function canvasActions(page: Page) {
  return {
    /** Drops a palette item on the canvas at a fraction of its size. */
    async dropFromPalette(kind: string, at: { x: number; y: number }) {
      const canvas = page.getByTestId('flow-canvas');
      const box = (await canvas.boundingBox())!;
      await page.getByTestId(`palette-${kind}`).dragTo(canvas, { targetPosition: { x: box.width * at.x, y: box.height * at.y } });
    },

    /** Drags from an output handle to a node's input handle. */
    async connect(sourceNode: string, output: string, targetNode: string) {
      const from = await center(page.getByTestId(`handle-${sourceNode}-${output}`));
      const to = await center(page.getByTestId(`node-${targetNode}`).locator('.flow-handle--in'));
      await page.mouse.move(from.x, from.y);
      await page.mouse.down();
      await page.mouse.move(to.x, to.y, { steps: 12 });
      await page.mouse.up();
    },

    /** Selects a node and types its text in the inspector. */
    async typeText(nodeId: string, text: string) {
      await page.getByTestId(`node-${nodeId}`).click();
      await page.locator(`[data-testid="inspector"][data-node-id="${nodeId}"]`).waitFor();
      await page.getByTestId('inspector').getByTestId('field-text').fill(text);
    },

    /** Sends a text from the simulator's composer. */
    async say(text: string) {
      await page.getByTestId('sim-input').fill(text);
      await page.getByTestId('sim-send').click();
    },
  };
}
