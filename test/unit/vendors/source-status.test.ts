import { describe, expect, it } from 'vitest';
import { vendorStatus } from '@/core/vendors/source-status';

describe("a vendor's status over all its sources", () => {
  const rows = [
    { source: 'coinank:coin-intervals', lastSuccess: 300, lastError: { at: 100, message: 'old failure' } },
    { source: 'coinank:connection-test', lastSuccess: 200, lastError: { at: 400, message: 'CoinAnk rejected the API key.' } },
    { source: 'coinglass:exchange-list', lastSuccess: 999, lastError: { at: 999, message: 'not this vendor' } },
    { source: 'coinankish:other', lastSuccess: 5000, lastError: null },
  ];

  it('takes the latest success and the latest error of any of its sources, and no other vendor’s', () => {
    expect(vendorStatus(rows, 'coinank')).toEqual({ source: 'coinank', lastSuccess: 300, lastError: { at: 400, message: 'CoinAnk rejected the API key.' } });
  });

  it('is null for a vendor never asked', () => {
    expect(vendorStatus(rows, 'coinalyze')).toBeNull();
  });
});
