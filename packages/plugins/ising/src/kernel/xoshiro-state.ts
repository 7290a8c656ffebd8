import type { Rng } from '@rgae/core';

/**
 * Seeds a private xoshiro128** state (4 words) from a chain's stream. Hot loops step this state inline,
 * which V8 runs faster than a method call per draw; the sequence is the same generator family as `Rng`.
 */
export function xoshiroStateFrom(rng: Rng): Int32Array {
  const state = new Int32Array(4);
  for (let i = 0; i < 4; i++) state[i] = rng.nextUint32() | 0;
  if ((state[0] | state[1] | state[2] | state[3]) === 0) state[0] = 1;
  return state;
}
