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

/** Decimal counts of tokens and parameters (bytes have their own prefixes above). */
export const THOUSAND = 1e3;
export const MILLION = 1e6;
export const BILLION = 1e9;
export const TRILLION = 1e12;
/** Prices are quoted per million tokens: USD per token × TOKENS_PER_MILLION = USD per million. */
export const TOKENS_PER_MILLION = MILLION;

export const MILLISECONDS_PER_SECOND = 1e3;
export const MICROSECONDS_PER_SECOND = 1e6;
export const SECONDS_PER_HOUR = 3600;
export const HOURS_PER_DAY = 24;
export const SECONDS_PER_DAY = HOURS_PER_DAY * SECONDS_PER_HOUR;
/** A 365-day year; leap days are ignored, as in every annual rate quoted by the sources. */
export const HOURS_PER_YEAR = 365 * HOURS_PER_DAY;
/** One twelfth of a year, the month of a colocation price in USD per kW-month. */
export const HOURS_PER_MONTH = HOURS_PER_YEAR / 12;
/** A Julian year of 365.25 days: the average year, for lifetimes and trends measured across leap years. */
export const SECONDS_PER_JULIAN_YEAR = 365.25 * HOURS_PER_DAY * SECONDS_PER_HOUR;

export const WATTS_PER_KILOWATT = 1e3;
