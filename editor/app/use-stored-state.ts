import { useCallback, useState } from 'react';

/** Where a UI preference lives: `session` for this tab's visit, `local` across visits. */
export type PreferenceStorage = 'session' | 'local';

function storageOf(kind: PreferenceStorage): Storage | null {
  try {
    return kind === 'session' ? globalThis.sessionStorage ?? null : globalThis.localStorage ?? null;
  } catch {
    // Storage can be disabled (privacy settings): the preference then lasts as long as the component.
    return null;
  }
}

function read<T>(kind: PreferenceStorage, key: string, fallback: T, accept: (value: unknown) => value is T): T {
  const text = storageOf(kind)?.getItem(key);
  if (text === null || text === undefined) return fallback;
  try {
    const value: unknown = JSON.parse(text);
    return accept(value) ? value : fallback;
  } catch {
    return fallback;
  }
}

/**
 * `useState` whose value is kept in session or local storage under `key` (JSON), e.g. whether the
 * problems panel is collapsed. `accept` guards against a stored value of the wrong shape.
 * @example const [collapsed, setCollapsed] = useStoredState('session', 'charla.problems.collapsed', false, isBoolean);
 */
export function useStoredState<T>(kind: PreferenceStorage, key: string, fallback: T, accept: (value: unknown) => value is T): [T, (value: T) => void] {
  const [value, setValue] = useState<T>(() => read(kind, key, fallback, accept));
  const store = useCallback((next: T) => {
    setValue(next);
    try {
      storageOf(kind)?.setItem(key, JSON.stringify(next));
    } catch {
      // Full or disabled storage: keep the value for this visit only.
    }
  }, [kind, key]);
  return [value, store];
}

export const isBoolean = (value: unknown): value is boolean => typeof value === 'boolean';
export const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
