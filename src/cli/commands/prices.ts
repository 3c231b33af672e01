import { defineCommand } from 'citty';
import type { CliIo } from '../io.js';
import { importCommand } from './prices/import.js';
import { listCommand } from './prices/list.js';
import { pullCommand } from './prices/pull.js';
import { pricesRealisedCommand } from './pricesRealised.js';

export { readSnapshotFile } from './prices/list.js';

/** The `prices` command: import OpenRouter prices into a snapshot file, fetch them live, list price history. */
export function pricesCommand(io: CliIo) {
  return defineCommand({
    meta: { name: 'prices', description: 'Price snapshots: import saved OpenRouter responses, pull them live, list how a price moved; what a price schedule realises on a traffic mix' },
    subCommands: { realised: pricesRealisedCommand(io), import: importCommand(io), pull: pullCommand(io), list: listCommand(io) },
  });
}
