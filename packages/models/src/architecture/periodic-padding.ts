import * as tf from '@tensorflow/tfjs';

export interface PeriodicPaddingArgs {
  /** Sites added on each side of both lattice axes. */
  padding: number;
  name?: string;
}

/**
 * Pads an NHWC batch of lattice configurations with copies of the opposite edges, so that a following
 * 'valid' convolution reads the periodic boundaries of the lattice instead of zeros. Rows are wrapped
 * first, then columns, so the corners contain the diagonally opposite corner sites.
 */
export class PeriodicPadding2D extends tf.layers.Layer {
  static readonly className = 'PeriodicPadding2D';
  readonly padding: number;

  constructor(args: PeriodicPaddingArgs) {
    super({ name: args.name });
    if (!Number.isInteger(args.padding) || args.padding < 1) {
      throw new Error(`PeriodicPadding2D needs an integer padding ≥ 1, got ${args.padding}.`);
    }
    this.padding = args.padding;
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape {
    const [batch, height, width, channels] = inputShape as tf.Shape;
    const grow = (size: number | null) => (size === null ? null : size + 2 * this.padding);
    return [batch, grow(height), grow(width), channels];
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return tf.tidy(() => {
      const x = (Array.isArray(inputs) ? inputs[0] : inputs) as tf.Tensor4D;
      const rowsWrapped = wrapAxis(x, 1, this.padding);
      return wrapAxis(rowsWrapped, 2, this.padding);
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), padding: this.padding };
  }
}

/** Concatenates the last `padding` slices before and the first `padding` slices after the axis. */
function wrapAxis(x: tf.Tensor4D, axis: 1 | 2, padding: number): tf.Tensor4D {
  const size = x.shape[axis];
  if (padding > size) throw new Error(`Periodic padding ${padding} exceeds the lattice size ${size}.`);
  const begin = [0, 0, 0, 0];
  const length = [-1, -1, -1, -1];

  const tailBegin = [...begin];
  tailBegin[axis] = size - padding;
  const edgeLength = [...length];
  edgeLength[axis] = padding;
  const tail = tf.slice(x, tailBegin, edgeLength);
  const head = tf.slice(x, begin, edgeLength);
  return tf.concat([tail, x, head], axis);
}

tf.serialization.registerClass(PeriodicPadding2D, 'rgae');
