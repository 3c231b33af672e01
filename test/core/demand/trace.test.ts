import { describe, expect, it } from 'vitest';
import { collectRequests, fromList, fromTrace, parseTrace, TraceError } from '../../../src/core/demand/arrivals.js';
import { azureTimestampSeconds } from '../../../src/core/demand/trace/azureCsv.js';
import { detectTraceFormat } from '../../../src/core/demand/trace/parseTrace.js';
import { InputError } from '../../../src/core/errors.js';
import { parseScenario, ScenarioError } from '../../../src/core/scenario/index.js';

const parse = (text: string) => collectRequests(fromTrace(text, 'day1.csv'));
const problemsOf = (text: string): readonly string[] => parseTrace(text, 'day1.csv').problems.map((p) => `line ${p.line}: ${p.message}`);
const errorOf = (text: string): readonly string[] => {
  try {
    parseTrace(text, 'day1.csv');
  } catch (e) {
    if (e instanceof TraceError) return e.problems;
    throw e;
  }
  throw new Error('expected a TraceError');
};

describe('parseTrace: the project CSV', () => {
  it('reads a header, comments, blank lines and spaces, and sorts the requests by arrival', () => {
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
    expect(parseTrace(text, 'day1.csv').format).toBe('inferonomics-csv');
  });

  it('reads the first line as data without a header, and keeps equal arrivals in file order', () => {
    expect(parse('0,10,20\n1e1,30,40\n').map((r) => r.arrivalSeconds)).toEqual([0, 10]);
    expect(parse('5,1,1\n5,2,1\n5,3,1\n').map((r) => r.inputTokens)).toEqual([1, 2, 3]);
  });

  it('skips every bad row, reports each with its line and field, and keeps the good ones', () => {
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
      '7,200,20', // line 10: good
    ].join('\n');
    expect(problemsOf(text)).toEqual([
      'line 3: arrival_seconds: expected a number from 0 to 2,419,200 (seconds), received "-1"',
      'line 4: input_tokens: expected a whole number from 1 to 10,000,000, received "12.5"',
      'line 5: expected 3 or 4 comma-separated fields (arrival_seconds,input_tokens,output_tokens,cached_tokens), received 2',
      'line 6: output_tokens: expected a whole number from 1 to 1,000,000, received "abc"',
      'line 7: cached_tokens: expected a whole number from 0 to 100 (input_tokens), received "200"',
      'line 8: input_tokens: expected a whole number from 1 to 10,000,000, received ""',
      'line 9: input_tokens: expected a whole number from 1 to 10,000,000, received "0x10"',
    ]);
    const t = parseTrace(text, 'day1.csv');
    expect(t.skippedRows).toBe(7);
    expect(t.requests.map((r) => r.arrivalSeconds)).toEqual([0, 7]);
  });

  it('reports a header with other column names on line 1 and still reads the rows', () => {
    expect(problemsOf('time,in,out\n0,1,1\n')).toEqual(['line 1: header: expected arrival_seconds,input_tokens,output_tokens[,cached_tokens], received "time,in,out"']);
    expect(parseTrace('time,in,out\n0,1,1\n', 'x.csv').skippedRows).toBe(0);
  });

  it('an empty file, or one of comments, a header and bad rows only, is an error: no requests', () => {
    expect(errorOf('')).toEqual([expect.stringMatching(/^no requests/)]);
    expect(errorOf('# nothing\narrival_seconds,input_tokens,output_tokens\n')).toEqual([expect.stringMatching(/^no requests/)]);
    expect(() => parseTrace('x,1,1\n', 'day1.csv')).toThrow(InputError);
    expect(() => parseTrace('x,1,1\n', 'day1.csv')).toThrow(/^day1\.csv: line 1: header: .*; no requests/);
  });

  it('an error lists the first 20 problems and says how many more', () => {
    const text = ['arrival_seconds,input_tokens,output_tokens', ...Array.from({ length: 25 }, () => 'x,1,1')].join('\n');
    expect(() => parseTrace(text, 'day1.csv')).toThrow(/; and 6 more$/);
    expect(errorOf(text)).toHaveLength(26);
  });
});

describe('parseTrace: Azure LLM inference CSV', () => {
  const azure = [
    'TIMESTAMP,ContextTokens,GeneratedTokens',
    '2023-11-16 18:15:46.6805900,374,44',
    '2023-11-16 18:15:50.9951690,396,109',
    '2023-11-16 18:15:4x,396,109',
    '2023-11-16 18:15:45.5000000,10,0',
    '2023-11-16 18:16:46.6805900,1000,5',
  ].join('\n');

  it('is detected from its header; arrivals are seconds after the earliest good row, to the 100 ns of the file', () => {
    expect(detectTraceFormat(azure)).toBe('azure-csv');
    const t = parseTrace(azure, 'conv.csv');
    expect(t.format).toBe('azure-csv');
    expect(t.requests.map((r) => r.arrivalSeconds)).toEqual([0, expect.closeTo(4.314579, 6), expect.closeTo(60, 9)]);
    expect(t.requests.map((r) => [r.inputTokens, r.outputTokens, r.cachedInputTokens])).toEqual([[374, 44, 0], [396, 109, 0], [1000, 5, 0]]);
  });

  it('skips a bad timestamp and a zero output with their lines', () => {
    expect(problemsOf(azure)).toEqual([
      'line 4: TIMESTAMP: expected a time like 2023-11-16 18:15:46.6805900, received "2023-11-16 18:15:4x"',
      'line 5: GeneratedTokens: expected a whole number from 1 to 1,000,000, received "0"',
    ]);
  });

  it('azureTimestampSeconds reads the date, the time and any number of fractional digits, and refuses a 13th month', () => {
    expect(azureTimestampSeconds('1970-01-01 00:01:00.5')).toBe(60.5);
    expect(azureTimestampSeconds('1970-01-02 00:00:00')).toBe(86_400);
    expect(azureTimestampSeconds('1970-13-01 00:00:00')).toBeNaN();
  });
});

describe('parseTrace: Mooncake JSONL', () => {
  const mooncake = [
    '{"timestamp": 0, "input_length": 1000, "output_length": 10, "hash_ids": [0, 1]}',
    '{"timestamp": 1500, "input_length": 600, "output_length": 20, "hash_ids": [0, 2]}',
    '{"timestamp": 2000, "input_length": 600, "output_length": 20, "hash_ids": [0, -3]}',
    'not json',
    '{"timestamp": 2500, "input_length": 600}',
  ].join('\n');

  it('is detected from a first line starting with {; timestamps are ms; hash_ids become prefix block ids', () => {
    expect(detectTraceFormat(mooncake)).toBe('mooncake-jsonl');
    const t = parseTrace(mooncake, 'kimi.jsonl');
    expect(t.requests).toEqual([
      { arrivalSeconds: 0, inputTokens: 1000, cachedInputTokens: 0, outputTokens: 10, prefixBlockIds: [0, 1] },
      { arrivalSeconds: 1.5, inputTokens: 600, cachedInputTokens: 0, outputTokens: 20, prefixBlockIds: [0, 2] },
    ]);
  });

  it('skips bad lines with their numbers and fields', () => {
    expect(problemsOf(mooncake)).toEqual([
      'line 3: hash_ids[1]: expected a whole number >= 0, received -3',
      'line 4: expected a JSON object {"timestamp", "input_length", "output_length", "hash_ids"}, received "not json"',
      'line 5: output_length: expected a whole number from 1 to 1,000,000, received nothing',
    ]);
    expect(parseTrace(mooncake, 'kimi.jsonl').skippedRows).toBe(3);
  });
});

describe('parseTrace: one wording for every format, and the scenario file\'s', () => {
  it('a prompt of 20 million tokens reads "a whole number from 1 to 10,000,000" in every format, as workload.inputTokens does in a scenario', () => {
    const expected = 'expected a whole number from 1 to 10,000,000, received';
    expect(problemsOf('0,20000000,1\n1,1,1\n')).toEqual([`line 1: input_tokens: ${expected} "20000000"`]);
    expect(problemsOf('TIMESTAMP,ContextTokens,GeneratedTokens\n2023-11-16 18:15:46,20000000,1\n2023-11-16 18:15:47,1,1\n')).toEqual([`line 2: ContextTokens: ${expected} "20000000"`]);
    expect(problemsOf('{"timestamp": 0, "input_length": 20000000, "output_length": 1}\n{"timestamp": 1, "input_length": 1, "output_length": 1}\n')).toEqual([`line 1: input_length: ${expected} 20000000`]);
    try {
      parseScenario({ options: [{ model: 'llama-3.1-8b', gpu: 'h100', gpus: 1, workload: { inputTokens: 20_000_000 } }] }, 's.yaml');
      expect.unreachable();
    } catch (e) {
      expect((e as ScenarioError).problems).toEqual([`options[0].workload.inputTokens: ${expected} 20000000`]);
    }
  });

  it('a row more than 4 weeks after the first arrival is a problem on its line', () => {
    expect(problemsOf('0,1,1\n3000000,1,1\n')).toEqual(['line 2: arrival_seconds: expected a number from 0 to 2,419,200 (seconds), received "3000000"']);
    expect(problemsOf('{"timestamp": 1000, "input_length": 1, "output_length": 1}\n{"timestamp": 3000000000, "input_length": 1, "output_length": 1}\n'))
      .toEqual(['line 2: seconds after the first arrival: expected a number from 0 to 2,419,200, received 2999999']);
  });

  it('a Mooncake number written as a JSON string, or hash_ids not a list, is a problem naming the field', () => {
    expect(problemsOf('{"timestamp": "1500", "input_length": 1, "output_length": 1, "hash_ids": 7}\n{"timestamp": 0, "input_length": 1, "output_length": 1}\n')).toEqual([
      'line 1: timestamp: expected a number >= 0 (milliseconds), received "1500"',
      'line 1: hash_ids: expected a list of whole numbers >= 0, received 7',
    ]);
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
