import * as tf from '@tensorflow/tfjs';
import { RgaeError, invalidArgument } from '@rgae/core';
import { registerWasmKernels } from './wasm/register-wasm-kernels.js';

/** Backend a user may request; `auto` takes the fastest one available. */
export type BackendRequest = 'auto' | 'node' | 'wasm' | 'cpu';

/** Backend actually used: `node` is @tensorflow/tfjs-node (libtensorflow), `wasm` the WebAssembly one, `cpu` plain JavaScript. */
export type BackendName = 'node' | 'wasm' | 'cpu';

export const BACKEND_REQUESTS: readonly BackendRequest[] = ['auto', 'node', 'wasm', 'cpu'];

const NODE_PACKAGE = '@tensorflow/tfjs-node';

/**
 * Selects the TensorFlow.js backend and returns the one in use. `auto` tries `node` (only when the user
 * installed @tensorflow/tfjs-node), then `wasm` (SIMD where the runtime supports it), then `cpu`.
 * An explicit request for a backend that cannot start throws an RgaeError with code UNAVAILABLE saying
 * how to install it.
 */
export async function selectBackend(request: BackendRequest = 'auto'): Promise<BackendName> {
  if (!BACKEND_REQUESTS.includes(request)) {
    throw invalidArgument(`Unknown backend "${String(request)}". Accepted values are ${BACKEND_REQUESTS.join(', ')}.`);
  }

  if (request === 'node' || request === 'auto') {
    const failure = await startNodeBackend();
    if (failure === undefined) return 'node';
    if (request === 'node') {
      throw new RgaeError(
        'UNAVAILABLE',
        `Backend "node" is unavailable: ${failure}. Install it with \`npm install ${NODE_PACKAGE}@${tf.version.tfjs}\` ` +
          `(its install script downloads libtensorflow), or choose --backend wasm.`,
      );
    }
  }

  if (request === 'wasm' || request === 'auto') {
    const failure = await startWasmBackend();
    if (failure === undefined) return 'wasm';
    if (request === 'wasm') {
      throw new RgaeError(
        'UNAVAILABLE',
        `Backend "wasm" is unavailable: ${failure}. Reinstall @tensorflow/tfjs-backend-wasm@${tf.version.tfjs} ` +
          `(its dist/ folder holds the .wasm binaries), or choose --backend cpu.`,
      );
    }
  }

  await tf.setBackend('cpu');
  await tf.ready();
  return 'cpu';
}

/** Starts tfjs-node; returns why it could not, or undefined on success. */
async function startNodeBackend(): Promise<string | undefined> {
  try {
    // A variable specifier keeps bundlers and the type checker from requiring the optional package.
    const specifier = NODE_PACKAGE;
    await import(specifier);
  } catch (error) {
    return `${NODE_PACKAGE} cannot be imported (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`;
  }
  if (tf.findBackendFactory('tensorflow') === null) {
    return `${NODE_PACKAGE} loaded a different copy of @tensorflow/tfjs than rgae uses; install version ${tf.version.tfjs}`;
  }
  return (await tf.setBackend('tensorflow')) ? undefined : `${NODE_PACKAGE} failed to initialise`;
}

/** Starts the wasm backend with rgae's kernels; returns why it could not, or undefined on success. */
async function startWasmBackend(): Promise<string | undefined> {
  registerWasmKernels();
  try {
    if (await tf.setBackend('wasm')) {
      await tf.ready();
      return undefined;
    }
    return 'the WebAssembly module failed to initialise';
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** Name of the backend tfjs is running now, in rgae's terms. */
export function currentBackend(): BackendName {
  const name = tf.getBackend();
  if (name === 'tensorflow') return 'node';
  if (name === 'wasm' || name === 'cpu') return name;
  throw new RgaeError('UNAVAILABLE', `TensorFlow.js runs on backend "${name}", which rgae does not support. Call selectBackend first.`);
}
