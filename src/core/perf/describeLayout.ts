import type { FrontierPoint, PoolLayout } from './frontier.js';

function pool(p: PoolLayout): string {
  return `${p.replicas}×TP${p.tp}${p.pp > 1 ? `×PP${p.pp}` : ''}${p.ep > 1 ? ` EP${p.ep}` : ''}${p.dpAttention ? ' DPattn' : ''}`;
}

/** A point's layout in a few words: `8×TP1`, or `P 8: 1×TP8 EP8 DPattn | D 64: 1×TP64 EP64 DPattn`. */
export function describeLayout(p: Pick<FrontierPoint, 'layout'>): string {
  const l = p.layout;
  return l.mode === 'aggregated' ? pool(l.pool) : `P ${l.prefill.gpus}: ${pool(l.prefill)} | D ${l.decode.gpus}: ${pool(l.decode)}`;
}
