/** One figure printed by `npm run bench` (see scripts/bench.mjs). */
export interface BenchRow {
  name: string;
  value: number;
  unit: string;
  goal?: string;
  ok?: boolean;
}
