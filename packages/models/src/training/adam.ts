import * as tf from '@tensorflow/tfjs';

/** Snapshot of an Adam optimiser: the step count and the moment estimates, in variable order. */
export interface AdamState {
  step: number;
  firstMoments: tf.Tensor[];
  secondMoments: tf.Tensor[];
}

/**
 * Adam (Kingma & Ba 2015, Algorithm 1) over a fixed, ordered list of variables:
 *
 *   m ← β₁·m + (1 − β₁)·g,   v ← β₂·v + (1 − β₂)·g²,   θ ← θ − α·(m / (1 − β₁ᵗ)) / (√(v / (1 − β₂ᵗ)) + ε),
 *
 * evaluated in the equivalent form θ ← θ − α_t·m / (√v + ε̂) with α_t = α·√(1 − β₂ᵗ) / (1 − β₁ᵗ) and
 * ε̂ = ε·√(1 − β₂ᵗ) (Kingma & Ba, end of section 2), which needs fewer tensor operations.
 *
 * rgae uses this class instead of tf.train.adam because its whole state is the step t and the moments.
 * The bias corrections are computed from t in double precision, so a run restored from a checkpoint
 * continues with bit-identical updates. tf.train.adam (tfjs 4.22) instead rebuilds β^t with a float32
 * `pow` on restore, which can differ in the last bits from the product it accumulates while running.
 */
export class Adam {
  private step = 0;
  private firstMoments: tf.Variable[] = [];
  private secondMoments: tf.Variable[] = [];

  constructor(
    readonly learningRate: number,
    readonly beta1 = 0.9,
    readonly beta2 = 0.999,
    readonly epsilon = 1e-7,
  ) {}

  /**
   * Applies one update; `gradients[i]` belongs to `variables[i]`, in the same order on every call.
   * A variable without a gradient (the loss does not depend on it) keeps its value and moments.
   */
  apply(variables: readonly tf.Variable[], gradients: ReadonlyArray<tf.Tensor | undefined>): void {
    if (this.firstMoments.length === 0) {
      this.firstMoments = variables.map((v) => tf.variable(tf.zerosLike(v), false));
      this.secondMoments = variables.map((v) => tf.variable(tf.zerosLike(v), false));
    }
    this.step += 1;
    const stepSize = (this.learningRate * Math.sqrt(1 - this.beta2 ** this.step)) / (1 - this.beta1 ** this.step);
    const epsilonHat = this.epsilon * Math.sqrt(1 - this.beta2 ** this.step);

    tf.tidy(() => {
      variables.forEach((variable, i) => {
        const gradient = gradients[i];
        if (gradient === undefined) return;
        const m = this.firstMoments[i].mul(this.beta1).add(gradient.mul(1 - this.beta1));
        const v = this.secondMoments[i].mul(this.beta2).add(gradient.square().mul(1 - this.beta2));
        this.firstMoments[i].assign(m);
        this.secondMoments[i].assign(v);
        variable.assign(variable.sub(m.mul(stepSize).div(v.sqrt().add(epsilonHat))));
      });
    });
  }

  /** Copies of the state (the caller disposes the tensors). */
  state(): AdamState {
    return {
      step: this.step,
      firstMoments: this.firstMoments.map((m) => m.clone()),
      secondMoments: this.secondMoments.map((v) => v.clone()),
    };
  }

  /** Replaces the state with copies of `state`'s tensors. */
  restore(state: AdamState): void {
    this.dispose();
    this.step = state.step;
    this.firstMoments = state.firstMoments.map((m) => tf.variable(m.clone(), false));
    this.secondMoments = state.secondMoments.map((v) => tf.variable(v.clone(), false));
  }

  dispose(): void {
    tf.dispose([...this.firstMoments, ...this.secondMoments]);
    this.firstMoments = [];
    this.secondMoments = [];
  }
}
