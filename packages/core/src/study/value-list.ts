import { invalidArgument } from '../errors/rgae-error.js';

/** Most points a list or range may expand to; a guard against a mistyped step such as 1.5:3.5:0.00001. */
export const MAX_POINTS = 1000;

/**
 * Parses a comma-separated list (`1.5,2,2.5`) or an inclusive range `start:stop:step` (`1.5:3.5:0.25`) into
 * numbers. `flag` names the option in errors.
 */
export function parseValueList(text: string, flag: string): number[] {
  const trimmed = text.trim();
  const example = `e.g. ${flag} 1.5:3.5:0.25 or ${flag} 2.0,2.27,2.5`;
  if (trimmed.length === 0) throw invalidArgument(`${flag} is empty: expected a list or a range start:stop:step, ${example}.`);

  if (trimmed.includes(':')) return parseRange(trimmed, flag, example);

  const values = trimmed.split(',').map((part) => parseNumber(part, flag, trimmed, example));
  if (values.length > MAX_POINTS) throw invalidArgument(`${flag} "${trimmed}" has ${values.length} values; at most ${MAX_POINTS} are accepted.`);
  const duplicate = values.find((v, i) => values.indexOf(v) !== i);
  if (duplicate !== undefined) throw invalidArgument(`${flag} "${trimmed}" lists ${duplicate} twice; give each value once.`);
  return values;
}

function parseRange(text: string, flag: string, example: string): number[] {
  const parts = text.split(':');
  if (parts.length !== 3) {
    throw invalidArgument(`Malformed range ${flag} "${text}": expected start:stop:step with three numbers, ${example}.`);
  }
  const [start, stop, step] = parts.map((part) => parseNumber(part, flag, text, example));
  if (step <= 0) throw invalidArgument(`Malformed range ${flag} "${text}": the step must be > 0, received ${step}.`);
  if (stop < start) throw invalidArgument(`Malformed range ${flag} "${text}": stop ${stop} is below start ${start}; write start:stop:step with start ≤ stop.`);

  const count = Math.floor((stop - start) / step + 1e-9) + 1;
  if (count > MAX_POINTS) throw invalidArgument(`Range ${flag} "${text}" expands to ${count} values; at most ${MAX_POINTS} are accepted. Use a larger step.`);
  // Round to 12 significant digits so that 1.5 + 3·0.1 prints as 1.8, not 1.8000000000000003.
  return Array.from({ length: count }, (_, i) => Number((start + i * step).toPrecision(12)));
}

function parseNumber(part: string, flag: string, text: string, example: string): number {
  const value = Number(part.trim());
  if (part.trim() === '' || !Number.isFinite(value)) {
    throw invalidArgument(`Malformed ${flag} "${text}": "${part.trim()}" is not a finite number; ${example}.`);
  }
  return value;
}
