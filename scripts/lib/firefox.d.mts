// Types for firefox.mjs, so the TypeScript harness can import it.
export const FIREFOX_MIN_VERSION: number;
export const FIREFOX_HELP: string;
export function findFirefox(): string | null;
export function firefoxMajorVersion(executable: string): number | null;
