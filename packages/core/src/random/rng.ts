import { invalidArgument } from '../errors/rgae-error.js';

/** A key that names one random stream below a study seed, e.g. `['ensemble', 'ising', 32, 0.44]`. */
export type StreamKey = ReadonlyArray<string | number>;

/** SplitMix32 step: a bijective 32-bit mixer used to expand seeds into generator state. */
function splitMix32(state: number): number {
  let z = (state + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/** Hashes a seed and a stream key into one 32-bit value (FNV-1a over the key's text, then mixed). */
function hashStream(seed: number, key: StreamKey): number {
  let h = 0x811c9dc5 ^ splitMix32(seed >>> 0) ^ splitMix32(Math.floor(seed / 2 ** 32));
  const text = key.map((part) => `${typeof part}:${String(part)}`).join('\u0000');
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return splitMix32(h >>> 0);
}

/**
 * xoshiro128** pseudo-random generator (Blackman & Vigna 2018), 32-bit state words, period 2^128 − 1.
 * Never use `Math.random` in rgae: every stream is reproducible from the study seed.
 */
export class Rng {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;
  private spareNormal: number | undefined;

  private constructor(s0: number, s1: number, s2: number, s3: number) {
    this.s0 = s0 | 0;
    this.s1 = s1 | 0;
    this.s2 = s2 | 0;
    this.s3 = s3 | 0;
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1;
  }

  /** Creates the generator of stream `key` under `seed`. Distinct keys give independent streams. */
  static create(seed: number, key: StreamKey = []): Rng {
    if (!Number.isSafeInteger(seed) || seed < 0) {
      throw invalidArgument(`Invalid seed ${seed}: expected a non-negative integer. Pass e.g. --seed 1.`);
    }
    let x = hashStream(seed, key);
    const words: number[] = [];
    for (let i = 0; i < 4; i++) {
      x = splitMix32(x + i);
      words.push(x);
    }
    return new Rng(words[0], words[1], words[2], words[3]);
  }

  /** Derives a child stream from this generator's current state and a key, without advancing it much. */
  split(key: StreamKey): Rng {
    return Rng.create(this.nextUint32() * 2 ** 21 + (this.nextUint32() >>> 11), key);
  }

  /** Uniform 32-bit unsigned integer. */
  nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(this.s1, 5), 7), 9);
    const t = this.s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return result >>> 0;
  }

  /** Uniform double in [0, 1) with 32 random bits. */
  nextFloat(): number {
    return this.nextUint32() * 2.3283064365386963e-10;
  }

  /** Uniform integer in [0, n), without modulo bias (Lemire's method). */
  nextInt(n: number): number {
    if (n <= 0 || n > 2 ** 32) throw invalidArgument(`Rng.nextInt(${n}): n must lie in [1, 2^32].`);
    const threshold = (2 ** 32 - n) % n;
    for (;;) {
      const x = this.nextUint32();
      const product = x * n;
      const low = product % 2 ** 32;
      if (low >= threshold) return Math.floor(product / 2 ** 32);
    }
  }

  /** Standard normal deviate (Marsaglia polar method). */
  nextNormal(): number {
    if (this.spareNormal !== undefined) {
      const spare = this.spareNormal;
      this.spareNormal = undefined;
      return spare;
    }
    for (;;) {
      const u = 2 * this.nextFloat() - 1;
      const v = 2 * this.nextFloat() - 1;
      const s = u * u + v * v;
      if (s > 0 && s < 1) {
        const factor = Math.sqrt((-2 * Math.log(s)) / s);
        this.spareNormal = v * factor;
        return u * factor;
      }
    }
  }

  /** Fills `out` with uniform doubles in [0, 1). */
  fillFloat(out: Float64Array | Float32Array): void {
    for (let i = 0; i < out.length; i++) out[i] = this.nextUint32() * 2.3283064365386963e-10;
  }

  /** In-place Fisher–Yates shuffle. */
  shuffle<T>(items: T[] | Int32Array | Uint32Array): void {
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.nextInt(i + 1);
      const tmp = items[i];
      items[i] = items[j];
      items[j] = tmp;
    }
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
