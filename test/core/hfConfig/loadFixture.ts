import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const FIXTURES = new URL('../../fixtures/configs/', import.meta.url);

/** The parsed fixture `test/fixtures/configs/<name>.config.json` and its path. */
export function loadFixture(name: string): { config: unknown; fileName: string } {
  const url = new URL(`${name}.config.json`, FIXTURES);
  return { config: JSON.parse(readFileSync(url, 'utf8')) as unknown, fileName: fileURLToPath(url) };
}

/** A fixture as a plain object, to derive variants from in a test. */
export function fixtureObject(name: string): Record<string, unknown> {
  return loadFixture(name).config as Record<string, unknown>;
}

export const DATE = '2026-01-15';
