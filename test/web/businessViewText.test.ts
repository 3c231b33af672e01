import { describe, expect, it } from 'vitest';
import { noBreakEven } from '../../web/src/views/businessView.js';

describe('noBreakEven(input, reason): a break-even that never happens, in words and the input\'s unit', () => {
  it('reads "never in this range" with utilization values as percentages, not [0.4000, 0.8000]', () => {
    const text = noBreakEven('utilization', 'no break-even in [0.4000, 0.8000]: margin stays negative, -12.0% at 0.4000 and -3.0% at 0.8000');
    expect(text).toBe('never in this range: margin stays negative, -12.0% at 40.0% and -3.0% at 80.0%');
  });

  it('a GPU price reads in dollars an hour; no reason gives the bare phrase', () => {
    expect(noBreakEven('gpuPriceUsdPerHour', 'no break-even in [1.000, 9.000]: margin stays positive, 40.0% at 1.000 and 2.0% at 9.000')).toBe('never in this range: margin stays positive, 40.0% at $1.00/h and 2.0% at $9.00/h');
    expect(noBreakEven('utilization', null)).toBe('never in this range');
  });
});
