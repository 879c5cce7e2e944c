import { useEffect, useState } from 'preact/hooks';
import type { Store } from '@/core/overlay/store';

export { createStore, type Store } from '@/core/overlay/store';

/** Re-renders the calling component, and only it, when the store changes. */
export function useStore<T>(store: Store<T>): T {
  const [value, setValue] = useState(store.get);
  useEffect(() => {
    setValue(() => store.get());
    return store.subscribe((v) => setValue(() => v));
  }, [store]);
  return value;
}
