/** The event the problems panel listens for; its one way to be opened from outside. */
export const SHOW_PROBLEMS_EVENT = 'charla:show-problems';

/**
 * Opens the problems panel (even when the analyst collapsed it) and focuses its first error: for an
 * explicit request, such as a click on the header's error count. Nothing opens it on its own.
 */
export function showProblems(): void {
  globalThis.dispatchEvent?.(new Event(SHOW_PROBLEMS_EVENT));
}
