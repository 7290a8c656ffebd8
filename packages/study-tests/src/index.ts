import { definePlugin } from '@rgae/core';
import { correlationsTest } from './correlations/correlations-test.js';
import { entropyTest } from './entropy/entropy-test.js';
import { lossesTest } from './losses/losses-test.js';
import { observablesTest } from './observables/observables-test.js';
import { thermometerFlowTest } from './thermometer-flow/thermometer-flow-test.js';
import { weightsTest } from './weights/weights-test.js';

export { lossesTest } from './losses/losses-test.js';
export { reconstructionAccuracy } from './losses/reconstruction-accuracy.js';

export { thermometerFlowTest, COARSE_READING_KINDS, FINE_READING_KINDS } from './thermometer-flow/thermometer-flow-test.js';
export { flowFixedPoint, fixedPointEstimate } from './thermometer-flow/flow-fixed-point.js';

export { weightsTest } from './weights/weights-test.js';
export { hoyerSparsity, smallWeightFraction } from './weights/sparsity.js';
export {
  absoluteCosine,
  blockWindow,
  idealFilterOf,
  idealFilterSimilarity,
  inputLayerOf,
  locality,
  type IdealFilter,
  type InputLayer,
  type LatticeGeometry,
} from './weights/receptive-field.js';

export { correlationsTest } from './correlations/correlations-test.js';
export { addConfigurations, connectedMatrix, emptyCorrelationSums, subtractSums, type CorrelationSums } from './correlations/correlation-sums.js';
export { axisCorrelation, frobeniusDistance, frobeniusNorm, secondMomentLength, shareRetained } from './correlations/correlation-measures.js';

export { entropyTest } from './entropy/entropy-test.js';
export { spinSymbols, type SymbolBatch, type SymbolOptions } from './entropy/spin-symbols.js';
export { blockEntropyPerSpin, countPatterns, type PatternCounts } from './entropy/block-entropy.js';
export { compressedBitsPerSpin, packSymbols } from './entropy/compressed-bits.js';

export { observablesTest } from './observables/observables-test.js';
export { summarizeBatch, sharedObservables } from './observables/observable-curves.js';

export { blockJackknife, blockJackknifeVector, meanWithError } from './shared/block-jackknife.js';
export { chiSquareDistance } from './shared/chi-square-distance.js';

/** The six study tests in the order `rgae study` runs and reports them. */
export const STUDY_TESTS = [lossesTest, thermometerFlowTest, weightsTest, correlationsTest, entropyTest, observablesTest] as const;

/** The study-tests plugin: registers losses, thermometer-flow, weights, correlations, entropy and observables. */
export const studyTestsPlugin = definePlugin({
  name: '@rgae/study-tests',
  version: '0.1.0',
  register(bind) {
    for (const test of STUDY_TESTS) bind.test(test);
  },
});

export default studyTestsPlugin;
