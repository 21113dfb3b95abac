/**
 * jsdom lays nothing out: gives every element a size and a ResizeObserver that reports at once, so
 * React Flow measures and draws the cards in a DOM test. Call it in `beforeAll`.
 */
export function jsdomLayout() {
  globalThis.ResizeObserver = class {
    constructor(private callback: ResizeObserverCallback) {}
    observe(target: Element) { this.callback([{ target } as ResizeObserverEntry], this); }
    unobserve() {}
    disconnect() {}
  };
  (globalThis as unknown as { DOMMatrixReadOnly: unknown }).DOMMatrixReadOnly = class { m22 = 1; };
  Object.defineProperties(HTMLElement.prototype, {
    offsetWidth: { configurable: true, get() { return 1000; } },
    offsetHeight: { configurable: true, get() { return 800; } },
  });
}
