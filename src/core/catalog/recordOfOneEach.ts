/**
 * The items of a data file keyed by id, where the file must hold exactly one item of each id in
 * `ids` (a string-literal union's members). Throws an Error naming `what` and every id missing
 * or repeated. Example: `recordOfOneEach([{id: 'a'}], ['a'], 'presets')` is `{a: {id: 'a'}}`.
 */
export function recordOfOneEach<Id extends string, T extends { readonly id: Id }>(items: readonly T[], ids: readonly Id[], what: string): Readonly<Record<Id, T>> {
  const wrong = ids.filter((id) => items.filter((x) => x.id === id).length !== 1);
  if (wrong.length > 0) throw new Error(`${what} is invalid: expected exactly one each of ${ids.join(', ')}; not so for ${wrong.join(', ')}`);
  return Object.fromEntries(items.map((x) => [x.id, x])) as Record<Id, T>;
}
