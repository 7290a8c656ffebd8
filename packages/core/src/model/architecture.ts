/** Shape information every architecture receives; core does not depend on the tensor library. */
export interface ArchitectureSpec {
  /** Input channels of the lattice's network encoding. */
  channels: number;
  linearSize: number;
  blockSize: number;
  /** Channels of the latent (coarse) field; defaults to `channels`. */
  latentChannels?: number;
  seed: number;
}

/**
 * A neural architecture registered by id. `M` is the model type of the implementing package
 * (a tfjs `LayersModel` in `@rgae/models`).
 */
export interface ArchitectureDefinition<M = unknown> {
  readonly id: string;
  readonly description: string;
  readonly role: 'autoencoder' | 'thermometer';
  /** Throws an RgaeError naming the problem when the spec cannot be built (e.g. L not divisible by b). */
  validate(spec: ArchitectureSpec): void;
  build(spec: ArchitectureSpec): M;
}
