import type { AppState } from '../compute/computeView.js';
import { isDemandState } from '../compute/simulationView.js';
import { linkShapeProblems } from './linkShape.js';

/** The whole state in the URL fragment, so a copied link reproduces the view: `#` + URI-encoded JSON. */
export function encodeState(state: AppState): string {
  return `#${encodeURIComponent(JSON.stringify(state))}`;
}

export type DecodedState = { readonly state: AppState; readonly error: null } | { readonly state: null; readonly error: string | null };

/**
 * Reads a state from a URL fragment. An empty fragment gives `{state: null, error: null}` (use the
 * default); a fragment that is not a state gives the reason, so the page can say so and carry on.
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
  if (typeof raw !== 'object' || raw === null || typeof (raw as { option?: unknown }).option !== 'object' || (raw as { option?: unknown }).option === null) {
    return { state: null, error: "the link's scenario has no option object" };
  }
  const wrong = linkShapeProblems((raw as { option: unknown }).option);
  if (wrong.length > 0) return { state: null, error: `the link's scenario has fields of the wrong type (${wrong.join('; ')})` };
  const r = raw as { option: AppState['option']; configJson?: unknown; sizeRange?: unknown; demand?: unknown };
  const sizeRange = isSizeRange(r.sizeRange) ? { sizeRange: r.sizeRange } : {};
  const demand = isDemandState(r.demand) ? { demand: r.demand } : {};
  return { state: { option: r.option, configJson: typeof r.configJson === 'string' ? r.configJson : null, ...sizeRange, ...demand }, error: null };
}

function isPair(x: unknown): x is [number, number] {
  return Array.isArray(x) && x.length === 2 && x.every((v) => typeof v === 'number' && Number.isFinite(v));
}

function isSizeRange(x: unknown): x is NonNullable<AppState['sizeRange']> {
  if (typeof x !== 'object' || x === null) return false;
  const r = x as { totalParams?: unknown; activeParams?: unknown };
  return isPair(r.totalParams) && isPair(r.activeParams);
}
