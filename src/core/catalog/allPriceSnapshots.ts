import genaiData from './genaiPricesSnapshot.json' with { type: 'json' };
import { parsePriceCatalog, RESEARCH_PRICE_SNAPSHOTS, type PriceSnapshot } from './prices.js';

/**
 * Every shipped price snapshot: the research pass's and the pydantic/genai-prices import, each
 * validated once at module load. Scenarios price from the latest research snapshot
 * (`latestSnapshot()`); the market commands and the whole-market view read all of them.
 */
export const PRICE_SNAPSHOTS: readonly PriceSnapshot[] = [...RESEARCH_PRICE_SNAPSHOTS, ...parsePriceCatalog(genaiData)];
