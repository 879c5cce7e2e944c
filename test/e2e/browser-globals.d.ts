// The few extension APIs the E2E tests call inside the browser (page.evaluate / worker.evaluate
// callbacks run there, not in Node). Typed narrowly on purpose: no @types/chrome dependency.
declare const chrome: {
  runtime: {
    id: string;
    sendMessage(message: unknown): Promise<unknown>;
    getManifest(): Record<string, unknown>;
  };
  storage: { local: { get(keys: null): Promise<Record<string, unknown>> } };
  permissions: {
    getAll(): Promise<{ permissions?: string[]; origins?: string[] }>;
    contains(p: { origins: string[] }): Promise<boolean>;
    request(p: { origins: string[] }): Promise<boolean>;
  };
  /** Present only once the optional `notifications` permission is granted. */
  notifications?: { getAll(): Promise<Record<string, boolean>> };
  alarms: { get(name: string): Promise<{ name: string; periodInMinutes?: number } | undefined> };
  tabs: {
    query(filter: { active?: boolean; lastFocusedWindow?: boolean }): Promise<{ id?: number }[]>;
    sendMessage(tabId: number, message: unknown): Promise<unknown>;
  };
};
