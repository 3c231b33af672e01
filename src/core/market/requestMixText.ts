import type { RequestClass } from './realisedPrice.js';
import { decimal } from '../numberSchemas.js';

/** The form of a context-length mix, as a problem states it. */
export const REQUEST_MIX_FORM = 'share:inputTokens:outputTokens, e.g. 0.9:8000:400';

/**
 * Reads a context-length mix as the CLI's `--requests` and the web's realised-price panel take it:
 * `share:inputTokens:outputTokens` classes separated by commas, e.g. `0.9:8000:400, 0.1:300000:1000`.
 * Empty text is null (the preset's). A malformed class is a problem naming it and the form allowed;
 * the shares summing to 1 and the token counts are checked by `realisedPrice`.
 */
export function parseRequestMix(text: string): { readonly requests: RequestClass[] | null } | { readonly problem: string } {
  const trimmed = text.trim();
  if (trimmed === '') return { requests: null };
  const requests: RequestClass[] = [];
  for (const [i, part] of trimmed.split(',').entries()) {
    const numbers = part.trim().split(':').map(decimal);
    const [share, inputTokens, outputTokens] = numbers;
    if (numbers.length !== 3 || share === undefined || inputTokens === undefined || outputTokens === undefined || !numbers.every(Number.isFinite)) {
      return { problem: `context mix, class ${i + 1}: "${part.trim().slice(0, 40)}"; expected ${REQUEST_MIX_FORM}` };
    }
    requests.push({ share, inputTokens, outputTokens });
  }
  return { requests };
}
