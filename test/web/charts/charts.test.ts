import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { costBreakdownChart, frontierChart, marginChart, toCsv, validationChart, validationTable } from '../../../web/src/charts/index.js';
import { breakEvenUtilization, costRowsNarrow, costRowsWide, frontierRows, losingMarginRows, marginRows, validationRows } from './fixtures.js';
import { normalize } from './normalize.js';

const document = new JSDOM('<!doctype html><body></body>').window.document;

/** Every chart of the suite, by the name of its snapshot; each renders a figure, so the snapshots are HTML. */
const renders: Record<string, () => Element> = {
  frontierChart: () => frontierChart(frontierRows, { document, minTokensPerSecondPerUser: 30 }),
  costBreakdownChartLog: () => costBreakdownChart(costRowsWide, { document }),
  costBreakdownChartLinear: () => costBreakdownChart(costRowsNarrow, { document }),
  marginChart: () => marginChart(marginRows, { document, breakEvenUtilization, utilization: 0.6, marginFraction: 1 - 4.5 / (14.44 * 0.6) }),
  marginChartNoBreakEven: () => marginChart(losingMarginRows, { document, breakEvenUtilization: null, utilization: 0.6, marginFraction: 1 - 20 / (14.44 * 0.6) }),
  validationChart: () => validationChart(validationRows, { document }),
  validationTable: () => validationTable(validationRows, { document }),
};

/** The label text of an axis ("x-axis label"), as Plot writes it into the SVG. */
function axisLabel(element: Element, axis: 'x' | 'y'): string {
  return element.querySelector(`g[aria-label="${axis}-axis label"]`)?.textContent ?? '';
}

describe('chart snapshots (numbers rounded to 2 decimals)', () => {
  for (const [name, render] of Object.entries(renders)) {
    it(`${name} matches test/web/charts/output/${name}.html`, async () => {
      await expect(normalize(render().outerHTML)).toMatchFileSnapshot(`./output/${name}.html`);
    });
    it(`${name} renders the same rows twice to the same markup`, () => {
      expect(normalize(render().outerHTML)).toBe(normalize(render().outerHTML));
    });
  }
});

describe('frontierChart(rows, options)', () => {
  const chart = frontierChart(frontierRows, { document, minTokensPerSecondPerUser: 30 });

  it('names its units on both axes and in the cost legend', () => {
    expect(axisLabel(chart, 'x')).toContain('tokens/s per user');
    expect(axisLabel(chart, 'y')).toContain('output tokens/s per GPU');
    expect(chart.textContent).toContain('USD per million output tokens');
  });

  it('rings the chosen point and labels it with its cost, $2.98 per million output tokens', () => {
    expect(chart.querySelectorAll('g.chosen path, g.chosen circle')).toHaveLength(1);
    expect(chart.querySelector('g.chosen-label')?.textContent).toBe('chosen: $2.98 per M output');
  });

  it('draws the Pareto front with one dot per Pareto row, aggregated and disaggregated in two symbols', () => {
    const dots = [...chart.querySelectorAll('g.pareto path')];
    expect(dots).toHaveLength(frontierRows.filter((row) => row.pareto).length);
    expect(new Set(dots.map((dot) => dot.getAttribute('d'))).size).toBe(2);
    expect(chart.textContent).toContain('disaggregated');
  });

  it('draws the latency target rule at 30 tokens/s per user when given, and none when null', () => {
    expect(chart.querySelector('g.latency-target')).not.toBeNull();
    expect(chart.textContent).toContain('target ≥ 30 tokens/s per user');
    expect(frontierChart(frontierRows, { document, minTokensPerSecondPerUser: null }).querySelector('g.latency-target')).toBeNull();
  });

  it('says no point meets the target when no row is chosen', () => {
    const none = frontierChart(frontierRows.map((row) => ({ ...row, chosen: false })), { document });
    expect(none.querySelector('g.chosen-label')?.textContent ?? '').toBe('');
    expect(none.querySelector('figcaption')?.textContent).toContain('No point meets the latency target');
  });
});

describe('costBreakdownChart(rows, options)', () => {
  it('labels the y axis in USD per million tokens, on a log scale when values span more than 100× (0.018..3)', () => {
    const chart = costBreakdownChart(costRowsWide, { document });
    expect(axisLabel(chart, 'y')).toBe('↑ USD per million tokens (log scale)');
    expect([...chart.querySelectorAll('g.value-label text')].map((text) => text.textContent)).toEqual(['$0.060', '$0.600', '$0.018', '$0.100', '$2.98', '$3.00']);
  });

  it('keeps a linear y axis from zero when values span under 100× (0.12..10)', () => {
    const chart = costBreakdownChart(costRowsNarrow, { document });
    expect(axisLabel(chart, 'y')).toBe('↑ USD per million tokens');
    expect(chart.querySelectorAll('g[aria-label="bar"] rect')).toHaveLength(6);
  });

  it('keeps a linear axis when a value is zero, which a log axis cannot show', () => {
    const chart = costBreakdownChart([...costRowsWide.slice(0, 2), { kind: 'output', costUsdPerMillion: 0, priceUsdPerMillion: 3 }], { document });
    expect(axisLabel(chart, 'y')).toBe('↑ USD per million tokens');
  });
});

describe('marginChart(rows, options)', () => {
  const chart = marginChart(marginRows, { document, breakEvenUtilization, utilization: 0.6, marginFraction: 1 - 4.5 / (14.44 * 0.6) });

  it('labels utilization and margin in percent', () => {
    expect(axisLabel(chart, 'x')).toContain('Utilization (%');
    expect(axisLabel(chart, 'y')).toContain('Margin (% of revenue)');
  });

  it('marks and labels the break-even utilization of 31% when it is a number', () => {
    expect(chart.querySelector('g.break-even')).not.toBeNull();
    expect(chart.querySelector('g.break-even-label')?.textContent).toBe('break-even at 31%');
  });

  it('draws no break-even marker when breakEvenUtilization is null, and says so in the caption', () => {
    const losing = marginChart(losingMarginRows, { document, breakEvenUtilization: null, utilization: 0.6, marginFraction: 1 - 20 / (14.44 * 0.6) });
    expect(losing.querySelector('g.break-even')).toBeNull();
    expect(losing.querySelector('g.break-even-label')).toBeNull();
    expect(losing.querySelector('figcaption')?.textContent).toContain('no break-even');
  });

  it("marks the scenario's 60% utilization with its margin, 48% (1 − 4.5 / (14.44 × 0.6))", () => {
    expect(chart.querySelector('g.scenario')).not.toBeNull();
    expect(chart.querySelector('g.scenario-label')?.textContent).toBe('scenario 60%: margin 48%');
  });

  it('labels the margin it is given (the core\'s), never one of its own: -131%, 1 − 20 / (14.44 × 0.6), between the 50% and 75% rows', () => {
    const losing = marginChart(losingMarginRows, { document, breakEvenUtilization: null, utilization: 0.6, marginFraction: 1 - 20 / (14.44 * 0.6) });
    expect(losing.querySelector('g.scenario-label')?.textContent).toBe('scenario 60%: margin -131%');
  });

  it('clips margins below −200% (5% and 10% utilization) and notes it; none clipped, no note', () => {
    expect(chart.querySelectorAll('g.clipped path')).toHaveLength(2);
    expect(chart.querySelector('figcaption')?.textContent).toContain('Margins below -200% are drawn at -200%');
    const unclipped = marginChart(marginRows.filter((row) => row.utilization >= 0.2), { document, breakEvenUtilization, utilization: 0.6, marginFraction: 1 - 4.5 / (14.44 * 0.6) });
    expect(unclipped.querySelector('figcaption')?.textContent).not.toContain('drawn at');
  });
});

describe('validationChart(rows, options) and validationTable(rows, options)', () => {
  it('draws one dot per comparison on log-log axes, with y = x and the ±25% and ±50% bands', () => {
    const chart = validationChart(validationRows, { document });
    expect(axisLabel(chart, 'x')).toContain('Measured');
    expect(axisLabel(chart, 'x')).toContain('log scale');
    expect(axisLabel(chart, 'y')).toContain('Predicted');
    expect(chart.querySelectorAll('g[aria-label="dot"] circle')).toHaveLength(validationRows.length);
    expect(chart.querySelectorAll('g.error-band path')).toHaveLength(2);
    expect(chart.querySelector('g.identity')).not.toBeNull();
    expect(chart.querySelector('figcaption')?.textContent).toContain('4 comparisons: 2 within ±25%, 3 within ±50%');
  });

  it('leaves out a non-positive value, which has no place on a log axis, and counts it in the caption', () => {
    const chart = validationChart([...validationRows, { caseId: 'zero', metric: 'TTFT seconds', measured: 0, predicted: 1, relativeError: Infinity }], { document });
    expect(chart.querySelectorAll('g[aria-label="dot"] circle')).toHaveLength(validationRows.length);
    expect(chart.querySelector('figcaption')?.textContent).toContain('1 not drawn');
  });

  it('tabulates case, metric, measured, predicted and error % (DeepSeek nodes: 226.8, 214.8, -5.3%)', () => {
    const table = validationTable(validationRows, { document });
    const cells = (row: HTMLTableRowElement) => [...row.cells].map((cell) => cell.textContent);
    expect(table.tagName).toBe('TABLE');
    expect(table.rows).toHaveLength(validationRows.length + 1);
    expect(cells(table.rows[0]!)).toEqual(['case', 'metric', 'measured', 'predicted', 'error %']);
    expect(cells(table.rows[1]!)).toEqual(['deepseek-day', 'H800 nodes', '226.8', '214.8', '-5.3%']);
    expect(cells(table.rows[2]!)).toEqual(['mixtral-h100', 'output tokens/s per GPU', '10,000', '7,200', '-28.0%']);
  });
});

describe('charts of no rows', () => {
  it.each([
    ['frontierChart', () => frontierChart([], { document })],
    ['costBreakdownChart', () => costBreakdownChart([], { document })],
    ['marginChart', () => marginChart([], { document, breakEvenUtilization: null, utilization: 0.6, marginFraction: null })],
    ['validationChart', () => validationChart([], { document })],
  ])('%s([]) renders empty axes without throwing', (_, render) => {
    expect(render().querySelector('svg')).not.toBeNull();
  });
});

describe('toCsv(rows, columns)', () => {
  it('writes a header and one CRLF-separated line per row, quoting commas and doubling quotes', () => {
    const csv = toCsv([
      { caseId: 'a, b', metric: 'say "hi"', measured: 1 },
      { caseId: 'plain', metric: 'TTFT', measured: 0.5 },
    ]);
    expect(csv.split('\r\n')).toEqual(['caseId,metric,measured', '"a, b","say ""hi""",1', 'plain,TTFT,0.5']);
  });

  it('writes numbers as plain decimals, never in exponent notation', () => {
    expect(toCsv([{ tiny: 1.5e-7, huge: 2e21, negativeZero: -0 }])).toBe('tiny,huge,negativeZero\r\n0.00000015,2000000000000000000000,0');
  });

  it('quotes fields that hold a line break and writes NaN, null and undefined as empty fields', () => {
    expect(toCsv([{ note: 'two\nlines', a: NaN, b: null, c: undefined, d: -Infinity }])).toBe('note,a,b,c,d\r\n"two\nlines",,,,-Infinity');
  });

  it('picks and orders columns when given, and writes every FrontierRow as one line', () => {
    expect(toCsv(frontierRows, ['layout', 'costUsdPerMillionOutputTokens']).split('\r\n')).toHaveLength(frontierRows.length + 1);
    expect(toCsv(frontierRows, ['layout', 'chosen']).split('\r\n')[3]).toBe('1×TP16 EP16 DPattn,true');
  });

  it('writes only the header for no rows, and nothing for no rows and no columns', () => {
    expect(toCsv([], ['a', 'b'])).toBe('a,b');
    expect(toCsv([])).toBe('');
  });
});
