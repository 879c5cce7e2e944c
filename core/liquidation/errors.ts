/** Bad input to the liquidation engine. `field` names the offending input, e.g. "entryPrice" or "tiers[3].floor". */
export class LiquidationInputError extends Error {
  constructor(
    readonly field: string,
    readonly problem: string,
  ) {
    super(`${field}: ${problem}`);
    this.name = 'LiquidationInputError';
  }
}
