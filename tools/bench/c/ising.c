/*
 * Plain C reference for the Ising benchmark in ../ising.js: the same algorithms as the TypeScript kernels.
 *
 *   metropolis: checkerboard sweep, xoshiro128** (Blackman & Vigna 2018) stepped inline, acceptance table of
 *               32-bit thresholds indexed by s*5 + nb + 9, no draw when the flip lowers or keeps the energy.
 *   wolff:      single-cluster updates grown with an explicit stack and per-cluster visit stamps.
 *
 * Usage: ising metropolis|wolff L beta min_seconds seed
 * Prints one JSON object: {"algorithm", "linearSize", "beta", "seconds", "work", "rate", ...}, where work is
 * attempted updates (metropolis) or flipped spins (wolff) and rate is work per second.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static uint32_t state[4];

static inline uint32_t rotl(uint32_t x, int k) { return (x << k) | (x >> (32 - k)); }

static inline uint32_t next_uint32(void) {
  const uint32_t result = rotl(state[1] * 5, 7) * 9;
  const uint32_t t = state[1] << 9;
  state[2] ^= state[0];
  state[3] ^= state[1];
  state[1] ^= state[2];
  state[0] ^= state[3];
  state[2] ^= t;
  state[3] = rotl(state[3], 11);
  return result;
}

static void seed_state(uint32_t seed) {
  /* SplitMix32-style expansion of the seed into four nonzero words. */
  for (int i = 0; i < 4; i++) {
    uint32_t z = seed + 0x9e3779b9u * (uint32_t)(i + 1);
    z = (z ^ (z >> 16)) * 0x85ebca6bu;
    z = (z ^ (z >> 13)) * 0xc2b2ae35u;
    state[i] = z ^ (z >> 16);
  }
  if ((state[0] | state[1] | state[2] | state[3]) == 0) state[0] = 1;
}

static double now_seconds(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

static void hot_start(int8_t *spins, int n) {
  for (int i = 0; i < n; i++) spins[i] = (next_uint32() >> 31) ? 1 : -1;
}

static long metropolis_sweep(int8_t *spins, int size, const uint64_t *thresholds) {
  long accepted = 0;
  for (int parity = 0; parity < 2; parity++) {
    for (int y = 0; y < size; y++) {
      const int row = y * size;
      const int up = (y == 0 ? size - 1 : y - 1) * size;
      const int down = (y == size - 1 ? 0 : y + 1) * size;
      for (int x = (parity + y) & 1; x < size; x += 2) {
        const int i = row + x;
        const int spin = spins[i];
        const int left = x == 0 ? row + size - 1 : i - 1;
        const int right = x == size - 1 ? row : i + 1;
        const int neighbour_sum = spins[left] + spins[right] + spins[up + x] + spins[down + x];
        const uint64_t threshold = thresholds[spin * 5 + neighbour_sum + 9];
        if (threshold < 4294967296ull && next_uint32() >= threshold) continue;
        spins[i] = (int8_t)-spin;
        accepted++;
      }
    }
  }
  return accepted;
}

static void run_metropolis(int size, double beta, double min_seconds) {
  uint64_t thresholds[19] = {0};
  for (int spin = -1; spin <= 1; spin += 2) {
    for (int nb = -4; nb <= 4; nb += 2) {
      const double p = fmin(1.0, exp(-beta * 2.0 * spin * nb));
      thresholds[spin * 5 + nb + 9] = p >= 1.0 ? 4294967296ull : (uint64_t)floor(p * 4294967296.0);
    }
  }
  const int n = size * size;
  int8_t *spins = malloc((size_t)n);
  hot_start(spins, n);
  const int warmup = size >= 1024 ? 20 : 100;
  for (int s = 0; s < warmup; s++) metropolis_sweep(spins, size, thresholds);

  long sweeps = 0, accepted = 0;
  const double start = now_seconds();
  double elapsed = 0;
  do {
    accepted += metropolis_sweep(spins, size, thresholds);
    sweeps++;
    elapsed = now_seconds() - start;
  } while (elapsed < min_seconds);

  const double work = (double)sweeps * n;
  printf("{\"algorithm\":\"metropolis\",\"linearSize\":%d,\"beta\":%.10f,\"seconds\":%.6f,\"work\":%.0f,\"rate\":%.6e,\"acceptanceRate\":%.6f}\n",
         size, beta, elapsed, work, work / elapsed, (double)accepted / work);
  free(spins);
}

static void run_wolff(int size, double beta, double min_seconds) {
  const int n = size * size;
  int8_t *spins = malloc((size_t)n);
  int32_t *stack = malloc(sizeof(int32_t) * (size_t)n);
  int32_t *visited = calloc((size_t)n, sizeof(int32_t));
  const uint32_t threshold = (uint32_t)floor(-expm1(-2.0 * beta) * 4294967296.0);
  int32_t stamp = 0;
  hot_start(spins, n);

  long clusters = 0;
  double flipped = 0, start = 0, elapsed = 0;
  for (int phase = 0; phase < 2; phase++) {
    const long limit = phase == 0 ? 5000 : -1;
    if (phase == 1) start = now_seconds();
    for (long c = 0; limit < 0 || c < limit; c++) {
      const int seed_site = (int)(((uint64_t)next_uint32() * (uint64_t)n) >> 32);
      stamp++;
      visited[seed_site] = stamp;
      spins[seed_site] = (int8_t)-spins[seed_site];
      stack[0] = seed_site;
      int top = 1, cluster_size = 1;
      while (top > 0) {
        const int site = stack[--top];
        const int joining = -spins[site];
        const int x = site % size, row = site - x;
        const int neighbours[4] = {
          x == 0 ? site + size - 1 : site - 1,
          x == size - 1 ? row : site + 1,
          row == 0 ? site + size * (size - 1) : site - size,
          row == size * (size - 1) ? x : site + size,
        };
        for (int k = 0; k < 4; k++) {
          const int neighbour = neighbours[k];
          if (visited[neighbour] == stamp || spins[neighbour] != joining) continue;
          if (next_uint32() >= threshold) continue;
          visited[neighbour] = stamp;
          spins[neighbour] = (int8_t)-joining;
          stack[top++] = neighbour;
          cluster_size++;
        }
      }
      if (phase == 1) {
        flipped += cluster_size;
        clusters++;
        if ((clusters & 63) == 0 && (elapsed = now_seconds() - start) >= min_seconds) break;
      }
    }
  }

  printf("{\"algorithm\":\"wolff\",\"linearSize\":%d,\"beta\":%.10f,\"seconds\":%.6f,\"work\":%.0f,\"rate\":%.6e,\"meanClusterSize\":%.3f}\n",
         size, beta, elapsed, flipped, flipped / elapsed, flipped / (double)clusters);
  free(spins);
  free(stack);
  free(visited);
}

int main(int argc, char **argv) {
  if (argc != 6) {
    fprintf(stderr, "usage: %s metropolis|wolff L beta min_seconds seed\n", argv[0]);
    return 2;
  }
  const int size = atoi(argv[2]);
  const double beta = atof(argv[3]);
  const double min_seconds = atof(argv[4]);
  seed_state((uint32_t)strtoul(argv[5], NULL, 10));
  if (size < 2 || size % 2 != 0) {
    fprintf(stderr, "invalid L = %d: expected an even integer >= 2\n", size);
    return 2;
  }
  if (strcmp(argv[1], "metropolis") == 0) run_metropolis(size, beta, min_seconds);
  else if (strcmp(argv[1], "wolff") == 0) run_wolff(size, beta, min_seconds);
  else {
    fprintf(stderr, "unknown algorithm \"%s\": expected metropolis or wolff\n", argv[1]);
    return 2;
  }
  return 0;
}
