import { describe, expect, it } from 'vitest';
import { leastOutstanding, leastOutstandingRouter } from '../../../src/core/sim/router.js';
import { bench, linearStep } from './entityFixtures.js';

const three = () => {
  const b = bench([linearStep(4, 1e6, 1000), linearStep(4, 1e6, 1000), linearStep(4, 1e6, 1000)]);
  for (const s of b.instances) s.accepting = true;
  return b;
};

describe('leastOutstanding', () => {
  it('picks the accepting instance with the fewest requests outstanding, the first on a tie', () => {
    const { instances, add } = three();
    expect(leastOutstanding(instances, 0, 3).index).toBe(0);
    instances[0]!.enqueue(add({}));
    expect(leastOutstanding(instances, 0, 3).index).toBe(1);
    instances[1]!.enqueue(add({}));
    expect(leastOutstanding(instances, 0, 3).index).toBe(2);
  });

  it('skips instances that do not accept requests (warming, draining); with none accepting, the first of the range', () => {
    const { instances, add } = three();
    instances[0]!.enqueue(add({}));
    instances[1]!.accepting = false;
    expect(leastOutstanding(instances, 0, 3).index).toBe(2);
    for (const s of instances) s.accepting = false;
    expect(leastOutstanding(instances, 1, 3).index).toBe(1);
  });
});

describe('leastOutstandingRouter', () => {
  it('sends arrivals to the fleet, or with a prefill pool behind the fleet, to the pool; prefilled prompts to the fleet', () => {
    const { instances } = bench([linearStep(4, 1e6, 1000), linearStep(4, 1e6, 1000), linearStep(4, 1e6, 1000)], ['decode', 'decode', 'prefill']);
    instances[1]!.accepting = true;
    const pooled = leastOutstandingRouter(instances, 2);
    expect(pooled.forArrival().index).toBe(2);
    expect(pooled.forPrefilled().index).toBe(1);
    expect(leastOutstandingRouter(instances.slice(0, 2), 2).forArrival().index).toBe(1);
  });
});
