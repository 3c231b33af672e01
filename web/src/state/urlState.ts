import type { AppState } from '../compute/computeView.js';

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
  const r = raw as { option: AppState['option']; configJson?: unknown };
  return { state: { option: r.option, configJson: typeof r.configJson === 'string' ? r.configJson : null }, error: null };
}
