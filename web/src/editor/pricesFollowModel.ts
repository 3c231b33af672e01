/**
 * Keeps the editor's token prices on the model being judged. Choosing another model moves the
 * priced model with it (its market median, or its list price when a list price was picked); a
 * model with no price in the catalog switches to typed prices, left blank, and says so, rather than
 * silently keeping the previous model's prices. Prices the user typed stay as typed.
 */

/** The data attribute that marks typed prices as chosen by {@link pricesFollowModel}, not by the user. */
const AUTO_TYPED = 'pricesTypedForUnpricedModel';

function element<T extends HTMLElement>(form: HTMLFormElement, id: string): T {
  const e = form.querySelector<T>(`#${id}`);
  if (e === null) throw new Error(`editor has no #${id}`);
  return e;
}

/**
 * Moves the prices to `modelId` after the model field changed; returns the note to show by the
 * prices ("no market price for llama-4-scout: enter prices"), or null when the prices followed or
 * were typed by the user.
 *
 * @example pricesFollowModel(form, 'llama-3.1-405b') // null; #price-model is now llama-3.1-405b
 */
export function pricesFollowModel(form: HTMLFormElement, modelId: string): string | null {
  const mode = element<HTMLSelectElement>(form, 'price-mode');
  const priced = element<HTMLSelectElement>(form, 'price-model');
  const auto = form.dataset[AUTO_TYPED] === 'yes';
  if (mode.value === 'typed' && !auto) return null;
  if ([...priced.options].some((o) => o.value === modelId)) {
    if (auto) mode.value = 'market';
    priced.value = modelId;
    delete form.dataset[AUTO_TYPED];
    return null;
  }
  mode.value = 'typed';
  for (const id of ['price-input', 'price-cached-input', 'price-output']) element<HTMLInputElement>(form, id).value = '';
  form.dataset[AUTO_TYPED] = 'yes';
  return `no market price for ${modelId}: enter prices`;
}

/** Forgets that the typed prices were chosen for an unpriced model (the user has now set the prices). */
export function pricesSetByUser(form: HTMLFormElement): void {
  delete form.dataset[AUTO_TYPED];
}
