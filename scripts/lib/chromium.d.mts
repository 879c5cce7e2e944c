// Types for chromium.mjs, so the TypeScript harness and benches can import it.
export const CHROMIUM_HELP: string;
export function findChromium(): string | null;
