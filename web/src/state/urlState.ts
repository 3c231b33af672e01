import type { ScenarioOptionInput } from '../../../src/core/scenario/schema.js';
import type { AppState } from '../compute/computeView.js';
import { DEFAULT_STATE } from './defaultState.js';
import { linkShapeProblems } from './linkShape.js';
import { mergeOption, readLinkBusiness, readLinkCompare, readLinkDemand } from './linkParts.js';
import type { BusinessState } from '../compute/businessView.js';
import type { CompareEntry } from '../compare/comparison.js';

/** Everything a link carries: the editor's option, the views' inputs and the compared options. */
export interface LinkState extends AppState {
  readonly business?: BusinessState;
  readonly compare?: readonly CompareEntry[];
}

/** The whole state in the URL fragment, so a copied link reproduces the view: `#` + URI-encoded JSON. */
export function encodeState(state: LinkState): string {
  return `#${encodeURIComponent(JSON.stringify(state))}`;
}

export type DecodedState =
  | {
    readonly state: LinkState;
    readonly error: null;
    /** Parts of the link that could not be used and were left at their defaults, each with the reason. */
    readonly notes: readonly string[];
    /** The model the link names without naming prices: the prices should follow it (see pricesFollowModel). */
    readonly modelWithoutPrices: string | null;
  }
  | { readonly state: null; readonly error: string | null };

/**
 * Reads a state from a URL fragment, merged over the defaults: a link names only what differs
 * (`{"option":{"gpu":"b200"}}` is the default scenario on B200; `{"demand":{"requestsPerSecond":3}}`
 * the default demand at 3 requests/s). Within the option, `workload` and `latencyTarget` merge field
 * by field like a scenario file's defaults; the other fields replace the default whole. An empty
 * fragment gives `{state: null, error: null}` (use the default); a fragment that is not a state,
 * or whose option has a wrongly typed field, gives the reason, so the page can say so and carry on.
 * A view's inputs that cannot be used are dropped with a note, keeping the rest of the link.
 *
 * @example decodeState('#%7B%22option%22%3A%7B%22gpu%22%3A%22b200%22%7D%7D').state?.option.gpu // 'b200'
 */
export function decodeState(hash: string): DecodedState {
  const text = hash.replace(/^#/, '');
  if (text === '') return { state: null, error: null };
  let raw: unknown;
  try {
    raw = JSON.parse(decodeURIComponent(text));
  } catch (e) {
    return { state: null, error: `the link's scenario is not readable (${e instanceof Error ? e.message : String(e)})` };
  }
  const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
  if (!isObject(raw) || (raw.option !== undefined && !isObject(raw.option))) {
    return { state: null, error: "the link's scenario has no option object" };
  }
  const option = raw.option ?? {};
  const wrong = linkShapeProblems(option);
  if (wrong.length > 0) return { state: null, error: `the link's scenario has fields of the wrong type (${wrong.join('; ')})` };
  const notes: string[] = [];
  const merged = mergeOption(DEFAULT_STATE.option, option as ScenarioOptionInput);
  const sizeRange = isSizeRange(raw.sizeRange) ? { sizeRange: raw.sizeRange } : {};
  if (raw.sizeRange !== undefined && !isSizeRange(raw.sizeRange)) notes.push('the market size range is not two pairs of numbers');
  const demand = readLinkDemand(raw.demand, notes);
  const business = readLinkBusiness(raw.business, notes);
  const compare = readLinkCompare(raw.compare, notes);
  const modelWithoutPrices = typeof option.model === 'string' && option.prices === undefined && option.model !== DEFAULT_STATE.option.model ? option.model : null;
  return {
    state: {
      option: merged,
      configJson: typeof raw.configJson === 'string' ? raw.configJson : null,
      ...sizeRange,
      ...(demand === undefined ? {} : { demand }),
      ...(business === undefined ? {} : { business }),
      ...(compare === undefined ? {} : { compare }),
    },
    error: null,
    notes,
    modelWithoutPrices,
  };
}

function isPair(x: unknown): x is [number, number] {
  return Array.isArray(x) && x.length === 2 && x.every((v) => typeof v === 'number' && Number.isFinite(v));
}

function isSizeRange(x: unknown): x is NonNullable<AppState['sizeRange']> {
  if (typeof x !== 'object' || x === null) return false;
  const r = x as { totalParams?: unknown; activeParams?: unknown };
  return isPair(r.totalParams) && isPair(r.activeParams);
}
