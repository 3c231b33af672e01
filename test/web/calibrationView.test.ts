import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { computeCalibration, shortSource, sourceLabels, type CalibrationViewModel } from '../../web/src/compute/calibrationView.js';
import { computeView } from '../../web/src/compute/computeView.js';
import { computeSensitivity } from '../../web/src/compute/sensitivityView.js';
import { DEFAULT_STATE } from '../../web/src/state/defaultState.js';
import { runCliJson } from '../cli/runCli.js';

const CASES = 'web/src/data/validationCases.json';
const text = readFileSync(CASES, 'utf8');
const TODAY = '2026-11-27';

interface Group { key: string }
interface CalibrateJson { cases: number; sources: number; inSample: unknown; leaveOneSourceOut: { bySource: Group[] }; factors: unknown[]; profile: unknown; rejected: string[] }
interface ValidateJson { cases: { id: string; metrics: { name: string; predicted: number; measured: number }[] }[] }

function ok(m: ReturnType<typeof computeCalibration>): CalibrationViewModel {
  if ('error' in m) throw new Error(m.error);
  return m;
}

describe('calibration against your own measurements: the core\'s validate and calibrate on pasted cases', () => {
  const web = ok(computeCalibration(text));

  it('fits the same factors with the same in-sample and leave-one-source-out errors as `inferonomics calibrate`', async () => {
    const cli = await runCliJson<CalibrateJson>(['calibrate', CASES]);
    // The page names each source by a short label, distinct per source; the figures are the CLI's.
    const labels = sourceLabels((JSON.parse(text) as { source: string }[]).map((c) => c.source));
    const loso = { ...cli.leaveOneSourceOut, bySource: cli.leaveOneSourceOut.bySource.map((g) => ({ ...g, key: labels.get(g.key) })) };
    expect({ cases: web.cases, sources: web.sources, inSample: web.inSample, loso: web.leaveOneSourceOut, factors: web.factors, profile: web.profile })
      .toEqual({ cases: cli.cases, sources: cli.sources, inSample: cli.inSample, loso, factors: cli.factors, profile: cli.profile });
    expect(web.rejected).toEqual([]);
  }, 30_000);

  it('predicts each measured metric with the shipped factors as `inferonomics validate` does', async () => {
    const cli = await runCliJson<ValidateJson>(['validate', CASES]);
    const shipped = cli.cases.flatMap((c) => c.metrics.map((m) => [c.id, m.name, m.measured, m.predicted]));
    expect(web.rows.filter((r) => r.predictedShipped !== null).map((r) => [r.caseId, r.metric, r.measured, r.predictedShipped])).toEqual(expect.arrayContaining(shipped));
    expect(web.rows.filter((r) => r.predictedShipped !== null)).toHaveLength(shipped.length);
    expect(web.rows.every((r) => r.predictedFitted !== null)).toBe(true);
  }, 30_000);

  it('a case with a bad field is listed by its id and field and left out; the rest is fitted', () => {
    const cases = JSON.parse(text) as Record<string, unknown>[];
    const broken = [{ ...cases[0], gpus: 'eight' }, ...cases.slice(1, 6)];
    const m = ok(computeCalibration(JSON.stringify(broken), { inSampleOnly: true }));
    expect(m.rejected).toHaveLength(1);
    expect(m.rejected[0]?.id).toBe(cases[0]?.id);
    expect(m.rejected[0]?.error).toMatch(/^not a valid case: gpus: expected .*received "eight"/);
    expect(m.cases).toBe(5);
  });

  it('text that is not JSON, not an array or holds no valid case is one message, never a throw', () => {
    expect(computeCalibration('[{"id": ')).toEqual({ error: expect.stringMatching(/^your measurements are not valid JSON \(.*\); expected a JSON array of cases/) });
    expect(computeCalibration('{"id": "a"}')).toEqual({ error: expect.stringMatching(/^your measurements: .*array/) });
    expect(computeCalibration('[{"id": "mine", "gpus": 8}]')).toEqual({ error: expect.stringMatching(/^no valid case among 1 \(mine: not a valid case: /) });
  });

  it('"use these factors": the page\'s verdict and sensitivity run on the fitted profile', () => {
    const shipped = computeView(DEFAULT_STATE, TODAY);
    const fitted = computeView({ ...DEFAULT_STATE, profile: web.profile }, TODAY);
    if (!shipped.ok || !fitted.ok) throw new Error('the default state computes');
    expect(fitted.view.economics?.costUsdPerMillionOutputTokens).not.toBe(shipped.view.economics?.costUsdPerMillionOutputTokens);
    const s = computeSensitivity({ ...DEFAULT_STATE, profile: web.profile }, TODAY);
    if ('error' in s) throw new Error(s.error);
    expect(s.rows[0]?.costUsdPerMillionOutputTokens).toBe(fitted.view.economics?.costUsdPerMillionOutputTokens);
  });

  it('shortens a source for the legend, numbering sources that shorten alike', () => {
    expect(shortSource('https://lmsys.org/blog/2025-05-05-large-scale-ep/ | table 2')).toBe('lmsys.org/blog/2025-05-05-large-scale-ep');
    expect([...sourceLabels(['https://a.com/ | run 1', 'https://b.org/x', 'https://a.com/ | run 2', 'https://a.com/ | run 1']).values()]).toEqual(['a.com #1', 'b.org/x', 'a.com #2']);
    expect(new Set(web.rows.map((r) => r.source)).size).toBe(web.sources);
  });
});
