import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { selectBackend } from '../backend/select-backend.js';
import { Adam } from './adam.js';

/** Adam as written in Kingma & Ba (2015), Algorithm 1, in double precision, for loss Σ θ². */
function referenceAdam(theta: number[], steps: number, alpha: number, beta1 = 0.9, beta2 = 0.999, epsilon = 1e-7): number[] {
  const m = theta.map(() => 0);
  const v = theta.map(() => 0);
  const values = [...theta];
  for (let t = 1; t <= steps; t++) {
    values.forEach((value, i) => {
      const g = 2 * value;
      m[i] = beta1 * m[i] + (1 - beta1) * g;
      v[i] = beta2 * v[i] + (1 - beta2) * g * g;
      const mHat = m[i] / (1 - beta1 ** t);
      const vHat = v[i] / (1 - beta2 ** t);
      values[i] = value - (alpha * mHat) / (Math.sqrt(vHat) + epsilon);
    });
  }
  return values;
}

describe('Adam', () => {
  beforeAll(async () => {
    await selectBackend('wasm');
  });

  it('matches the published algorithm', () => {
    const start = [1, -2, 0.003];
    const variable = tf.variable(tf.tensor1d(start));
    const adam = new Adam(0.1);

    for (let step = 0; step < 5; step++) {
      const gradient = variable.mul(2);
      adam.apply([variable], [gradient]);
      gradient.dispose();
    }

    const expected = referenceAdam(start, 5, 0.1);
    Array.from(variable.dataSync()).forEach((value, i) => expect(value).toBeCloseTo(expected[i], 5));
    adam.dispose();
    variable.dispose();
  });

  it('restores state for identical updates', () => {
    const run = (restoreAfter?: number) => {
      const variable = tf.variable(tf.tensor1d([0.5, -1.5]));
      let adam = new Adam(0.05);
      for (let step = 0; step < 6; step++) {
        if (step === restoreAfter) {
          const state = adam.state();
          adam.dispose();
          adam = new Adam(0.05);
          adam.restore(state);
          tf.dispose([...state.firstMoments, ...state.secondMoments]);
        }
        const gradient = variable.mul(2);
        adam.apply([variable], [gradient]);
        gradient.dispose();
      }
      const values = Array.from(variable.dataSync());
      adam.dispose();
      variable.dispose();
      return values;
    };

    expect(run(3)).toEqual(run());
  });

  it('leaves a variable without gradient unchanged', () => {
    const trained = tf.variable(tf.scalar(1));
    const untouched = tf.variable(tf.scalar(4));
    const adam = new Adam(0.1);
    const gradient = tf.scalar(1);

    adam.apply([trained, untouched], [gradient, undefined]);

    expect(untouched.dataSync()[0]).toBe(4);
    expect(trained.dataSync()[0]).toBeCloseTo(0.9, 6);
    tf.dispose([trained, untouched, gradient]);
    adam.dispose();
  });
});
