/** Ends a switch over a union: the compiler fails here when a member is not handled. */
export function assertNever(value: never, what: string): never {
  throw new Error(`Unhandled ${what}: ${JSON.stringify(value)}`);
}
