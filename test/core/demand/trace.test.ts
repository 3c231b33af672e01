import { describe, expect, it } from 'vitest';
import { collectRequests, fromList, fromTrace, TraceError } from '../../../src/core/demand/arrivals.js';
import { InputError } from '../../../src/core/errors.js';

const parse = (text: string) => collectRequests(fromTrace(text, 'day1.csv'));
const problemsOf = (text: string): readonly string[] => {
  try {
    parse(text);
  } catch (e) {
    if (e instanceof TraceError) return e.problems;
    throw e;
  }
  throw new Error('expected a TraceError');
};

describe('fromTrace', () => {
  it('fromTrace reads a header, comments, blank lines and spaces, and sorts the requests by arrival', () => {
    const text = [
      '# a day of traffic',
      'arrival_seconds,input_tokens,output_tokens,cached_tokens',
      '2.5, 3000, 100, 1000   # trailing comment',
      '',
      '0.25,1000,200',
      '1,500,50,0',
    ].join('\r\n');
    expect(parse(text)).toEqual([
      { arrivalSeconds: 0.25, inputTokens: 1000, cachedInputTokens: 0, outputTokens: 200 },
      { arrivalSeconds: 1, inputTokens: 500, cachedInputTokens: 0, outputTokens: 50 },
      { arrivalSeconds: 2.5, inputTokens: 3000, cachedInputTokens: 1000, outputTokens: 100 },
    ]);
  });

  it('fromTrace without a header reads the first line as data', () => {
    expect(parse('0,10,20\n1e1,30,40\n').map((r) => r.arrivalSeconds)).toEqual([0, 10]);
  });

  it('fromTrace keeps equal arrivals in file order', () => {
    expect(parse('5,1,1\n5,2,1\n5,3,1\n').map((r) => r.inputTokens)).toEqual([1, 2, 3]);
  });

  it('fromTrace reports every bad line at once with the file, line number and field', () => {
    const text = [
      'arrival_seconds,input_tokens,output_tokens', // line 1
      '0,100,10', // line 2: good
      '-1,100,10', // line 3: negative arrival
      '1,12.5,10', // line 4: fractional input
      '2,100', // line 5: too few fields
      '3,100,abc,5', // line 6: output not a number
      '4,100,10,200', // line 7: more cached than input
      '5,,10', // line 8: empty input
      '6,0x10,10', // line 9: hex is not a decimal number
    ].join('\n');
    expect(problemsOf(text)).toEqual([
      'line 3: arrival_seconds: expected a number of seconds from 0 to 2,419,200, received "-1"',
      'line 4: input_tokens: expected a whole number from 1 to 10,000,000, received "12.5"',
      'line 5: expected 3 or 4 comma-separated fields (arrival_seconds,input_tokens,output_tokens,cached_tokens), received 2',
      'line 6: output_tokens: expected a whole number from 1 to 1,000,000, received "abc"',
      'line 7: cached_tokens: expected a whole number from 0 to input_tokens (100), received "200"',
      'line 8: input_tokens: expected a whole number from 1 to 10,000,000, received ""',
      'line 9: input_tokens: expected a whole number from 1 to 10,000,000, received "0x10"',
    ]);
    expect(() => parse(text)).toThrow(InputError);
    expect(() => parse(text)).toThrow(/^day1\.csv: line 3: arrival_seconds: .*; line 9: input_tokens: .*"0x10"$/);
  });

  it('fromTrace rejects a header with other column names', () => {
    expect(problemsOf('time,in,out\n0,1,1\n')).toEqual([
      'line 1: header: expected arrival_seconds,input_tokens,output_tokens[,cached_tokens], received "time,in,out"',
    ]);
  });

  it('fromTrace of an empty file, or of comments and a header only, is an error: no requests', () => {
    expect(problemsOf('')).toEqual([expect.stringMatching(/^no requests/)]);
    expect(problemsOf('# nothing\narrival_seconds,input_tokens,output_tokens\n')).toEqual([expect.stringMatching(/^no requests/)]);
  });

  it('fromTrace lists the first 20 problems in its message and says how many more', () => {
    const text = Array.from({ length: 25 }, () => 'x,1,1').join('\n');
    const bad = () => parse(`0,1,1\n${text}`);
    expect(bad).toThrow(/; and 5 more$/);
    expect(problemsOf(`0,1,1\n${text}`)).toHaveLength(25);
  });
});

describe('fromList', () => {
  it('fromList sorts by arrival, then yields null, and ignores later changes to the list', () => {
    const a = { arrivalSeconds: 1, inputTokens: 1, cachedInputTokens: 0, outputTokens: 1 };
    const b = { arrivalSeconds: 0, inputTokens: 2, cachedInputTokens: 0, outputTokens: 1 };
    const list = [a, b];
    const source = fromList(list);
    list.pop();
    expect(source.next()).toBe(b);
    expect(source.next()).toBe(a);
    expect(source.next()).toBeNull();
    expect(source.next()).toBeNull();
  });
});
