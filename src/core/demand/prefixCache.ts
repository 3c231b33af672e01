import { LruSet } from './lruSet.js';
import type { Request } from './types.js';

export interface PrefixCacheOptions {
  /** Prefix blocks the HBM tier holds (>= 0). */
  readonly hbmBlocks: number;
  /** Prefix blocks the host-DRAM tier holds below it (>= 0; default 0). */
  readonly hostDramBlocks?: number;
  /** Tokens in a block (default 512, the Mooncake traces'). */
  readonly blockTokens?: number;
}

export interface PrefixCacheStats {
  readonly inputTokens: number;
  /** Prompt tokens served from the cache (both tiers). */
  readonly cachedTokens: number;
  readonly hbmHitTokens: number;
  readonly hostDramHitTokens: number;
  /** cachedTokens / inputTokens (0 for no input). */
  readonly hitRate: number;
  /** Requests that carried block ids (the others keep their own cached tokens). */
  readonly requestsWithBlocks: number;
}

/**
 * Replays requests through a two-tier LRU prefix cache of KV blocks and sets each request's
 * cached tokens from it. A request's prefix hit is its leading blocks found in either tier (a
 * prefix: the first miss ends it) × `blockTokens`, at most its prompt minus one token (the last
 * token is always computed to produce the first output); then every block of the request is
 * touched: a hit moves to the most recent end of HBM, a DRAM hit is promoted to HBM, a miss is
 * inserted into HBM, and HBM's least recently used block is demoted to DRAM, whose own least
 * recently used is dropped. An exclusive two-tier LRU holds the same blocks as one LRU of both
 * sizes (the stack property of LRU; Mattson et al., IBM Syst. J. 9(2), 1970), so the hit rate
 * is that of hbm + dram blocks and the tiers tell only where a hit was served from.
 *
 * Requests are taken in arrival order and the cache is fleet-wide (cache-aware routing, as
 * Mooncake's): a block counts as cached from the arrival of the request that brings it, not
 * from the end of its prefill, which flatters back-to-back requests by at most one prefill time.
 * Requests without `prefixBlockIds` pass unchanged. Pure: the input is not modified.
 *
 * Example: two requests of 1,024 tokens with ids [1, 2] and [1, 3] under a cache of 10 blocks:
 * the second hits block 1, 512 cached tokens; hit rate 512 / 2,048 = 25%.
 */
export function applyPrefixCache(requests: readonly Request[], options: PrefixCacheOptions): { requests: Request[]; stats: PrefixCacheStats } {
  const { hbmBlocks, hostDramBlocks = 0, blockTokens = 512 } = options;
  let maxId = -1;
  let blocks = 0;
  for (const r of requests) {
    for (const id of r.prefixBlockIds ?? []) if (id > maxId) maxId = id;
    blocks += r.prefixBlockIds?.length ?? 0;
  }
  // Trace ids are dense from 0 (Mooncake's are): index them by array unless they are sparse.
  const idLimit = maxId < Math.max(1e6, 8 * requests.length * 64) ? maxId + 1 : undefined;
  // A tier never holds more blocks than the trace has: no larger arrays than that.
  const hbm = new LruSet(Math.min(blocks, Math.max(0, Math.floor(hbmBlocks))), idLimit);
  const dram = new LruSet(Math.min(blocks, Math.max(0, Math.floor(hostDramBlocks))), idLimit);
  const insert = (id: number) => {
    const demoted = hbm.add(id);
    if (demoted !== null) dram.add(demoted);
  };
  let inputTokens = 0;
  let cachedTokens = 0;
  let hbmHitTokens = 0;
  let hostDramHitTokens = 0;
  let requestsWithBlocks = 0;
  const out = requests.map((r) => {
    inputTokens += r.inputTokens;
    const ids = r.prefixBlockIds;
    if (ids === undefined) {
      cachedTokens += r.cachedInputTokens;
      return r;
    }
    requestsWithBlocks++;
    let hbmHits = 0;
    let dramHits = 0;
    let prefix = true;
    for (const id of ids) {
      const inHbm = hbm.has(id);
      const inDram = !inHbm && dram.has(id);
      if (prefix && (inHbm || inDram)) {
        if (inHbm) hbmHits++;
        else dramHits++;
      } else {
        prefix = false;
      }
      if (inHbm) {
        hbm.touch(id);
      } else {
        if (inDram) dram.delete(id);
        insert(id);
      }
    }
    const cached = Math.min(Math.max(0, r.inputTokens - 1), (hbmHits + dramHits) * blockTokens);
    // A hit capped at the prompt less one token is counted from HBM first.
    const fromHbm = Math.min(cached, hbmHits * blockTokens);
    cachedTokens += cached;
    hbmHitTokens += fromHbm;
    hostDramHitTokens += cached - fromHbm;
    return { ...r, cachedInputTokens: cached };
  });
  return {
    requests: out,
    stats: { inputTokens, cachedTokens, hbmHitTokens, hostDramHitTokens, hitRate: inputTokens > 0 ? cachedTokens / inputTokens : 0, requestsWithBlocks },
  };
}
