/**
 * Unit conversions, used only at the edges (catalog loading, CLI flags, printing).
 * Decimal and binary prefixes are kept apart: `GB = 1e9`, `GiB = 2 ** 30`.
 */
export const KB = 1e3;
export const MB = 1e6;
export const GB = 1e9;
export const TB = 1e12;
export const KiB = 2 ** 10;
export const MiB = 2 ** 20;
export const GiB = 2 ** 30;
export const TiB = 2 ** 40;

/** FLOP/s prefixes: a TFLOP is 1e12 FLOP, never 2 ** 40. */
export const TFLOP = 1e12;
export const PFLOP = 1e15;

/** Network line rates are quoted in bits: 400 Gb/s is 50e9 bytes/s. */
export const GIGABIT_BYTES = 1e9 / 8;

export const SECONDS_PER_HOUR = 3600;
export const TOKENS_PER_MILLION = 1e6;
