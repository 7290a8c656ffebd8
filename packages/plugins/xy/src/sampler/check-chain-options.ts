import { NotImplementedError, invalidArgument, type ChainOptions } from '@rgae/core';

/** Checks what every XY chain needs: a Float32Array of L² angles and the typed-array kernels. */
export function checkChainOptions(samplerId: string, options: ChainOptions<Float32Array>): void {
  const { initial, linearSize, kernels } = options;
  if (!(initial instanceof Float32Array) || initial.length !== linearSize * linearSize) {
    const received = initial instanceof Float32Array ? `a Float32Array of length ${initial.length}` : String((initial as unknown as { constructor?: { name?: string } } | undefined)?.constructor?.name ?? initial);
    throw invalidArgument(
      `XY sampler "${samplerId}" needs an initial Float32Array of L² = ${linearSize * linearSize} angles, received ${received}. ` +
        'Create it with xyModel.createConfiguration(L, rng, start).',
    );
  }
  if (kernels === 'gpujs') {
    throw new NotImplementedError(
      `XY sampler "${samplerId}" has no gpu.js kernels, only typed-array TypeScript. Use kernels "js" or "auto".`,
    );
  }
}
