import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { parseOrThrow, SourceRefSchema } from '../../src/core/catalog/sourceSchema.js';
import { numberIn } from '../../src/core/numberSchemas.js';
import { formatIssues, problemLine } from '../../src/core/problems.js';

const linesOf = (schema: v.GenericSchema, input: unknown, format?: Parameters<typeof formatIssues>[1]) => {
  const r = v.safeParse(schema, input);
  return r.success ? [] : formatIssues(r.issues, format);
};

describe('problemLine', () => {
  it('writes `path: expected X, received Y`, with no path when it is empty', () => {
    expect(problemLine('gpus', 'a whole number >= 1', 0)).toBe('gpus: expected a whole number >= 1, received 0');
    expect(problemLine('', 'an array', 'x')).toBe('expected an array, received "x"');
    expect(problemLine('hours', 'a number > 0', undefined)).toBe('hours: expected a number > 0, received nothing');
  });
});

describe('formatIssues', () => {
  const schema = v.strictObject({
    rate: numberIn(0, 1),
    id: v.pipe(v.string(), v.regex(/^[a-z]+$/)),
    name: v.pipe(v.string(), v.minLength(1)),
    count: v.number(),
    known: v.pipe(v.string(), v.check((s) => s !== 'x9', (issue) => `unknown id ${String(issue.input)}: not in the catalog`)),
    lower: v.pipe(v.string(), v.check((s) => s === s.toLowerCase(), 'lower case')),
    kind: v.picklist(['rented', 'owned']),
  });

  it('puts a schema\'s expected text, valibot\'s own messages and a check\'s own sentence in one form', () => {
    expect(linesOf(schema, { rate: 2, id: 'A', name: '', count: '3', known: 'x9', lower: 'Ab', kind: 'leased' })).toEqual([
      'rate: expected a number from 0 to 1, received 2',
      'id: expected text matching /^[a-z]+$/, received "A"',
      'name: expected a length >=1, received ""',
      'count: expected a value of type number, received "3"',
      'known: unknown id x9: not in the catalog',
      'lower: lower case, received "Ab"',
      'kind: expected one of "rented", "owned", received "leased"',
    ]);
  });

  it('names a missing and an unknown field, and the root as the caller wants it', () => {
    expect(linesOf(v.strictObject({ a: v.number('a number') }), { b: 1 })).toEqual(['a: missing (the field is required)', 'b: unknown field (misspelled?)']);
    expect(linesOf(v.object({ a: v.number('a number') }), {}, { missing: 'missing (use null)' })).toEqual(['a: missing (use null)']);
    expect(linesOf(v.array(v.number(), 'an array of numbers'), 3)).toEqual(['(root): expected an array of numbers, received 3']);
    expect(linesOf(v.array(v.number(), 'an array of numbers'), 3, { root: '' })).toEqual(['expected an array of numbers, received 3']);
  });

  it('an object of the wrong type says the object the schema describes, or a generic one', () => {
    expect(linesOf(v.object({ a: v.object({ b: v.number() }, 'an object {b}') }), { a: 1 })).toEqual(['a: expected an object {b}, received 1']);
    expect(linesOf(v.object({ a: v.object({ b: v.number() }) }), { a: 1 })).toEqual(['a: expected an object {field: value, ...}, received 1']);
  });
});

describe('parseOrThrow (the catalogs)', () => {
  it('lists every problem of a catalog in the words of every other input', () => {
    const catalog = v.strictObject({ sources: v.array(SourceRefSchema) });
    expect(() => parseOrThrow(catalog, { sources: [{ url: '', date: '2026-1' }] }, 'test catalog')).toThrow(
      'test catalog is invalid:\n  sources[0].url: expected a non-empty URL, received ""\n  sources[0].date: expected a date YYYY-MM or YYYY-MM-DD, received "2026-1"');
  });
});
