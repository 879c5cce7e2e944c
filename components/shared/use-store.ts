import { useEffect, useState } from 'preact/hooks';
import type { Store } from '@/core/overlay/observable';

export { createStore, type Store } from '@/core/overlay/observable';

/**
 * Re-renders the calling component, and only it, when the store changes. With `enabled` false it
 * does not subscribe at all (a value the view does not show must not cost a render).
 */
export function useStore<T>(store: Store<T>, enabled = true): T {
  const [value, setValue] = useState(store.get);
  useEffect(() => {
    if (!enabled) return undefined;
    setValue(() => store.get());
    return store.subscribe((v) => setValue(() => v));
  }, [store, enabled]);
  return value;
}
