import * as tf from '@tensorflow/tfjs';
import { isRgaeError, type RgaeError } from '@rgae/core';
import { describe, expect, it } from 'vitest';
import { currentBackend, selectBackend, type BackendRequest } from './select-backend.js';

async function nodeBackendInstalled(): Promise<boolean> {
  try {
    const specifier = '@tensorflow/tfjs-node';
    await import(specifier);
    return true;
  } catch {
    return false;
  }
}

describe('selectBackend', () => {
  it('auto takes node when installed, else wasm', async () => {
    const expected = (await nodeBackendInstalled()) ? 'node' : 'wasm';
    expect(await selectBackend('auto')).toBe(expected);
    expect(currentBackend()).toBe(expected);
  });

  it('selects cpu and wasm on request', async () => {
    expect(await selectBackend('cpu')).toBe('cpu');
    expect(tf.getBackend()).toBe('cpu');
    expect(await selectBackend('wasm')).toBe('wasm');
    expect(tf.getBackend()).toBe('wasm');
  });

  it('node without tfjs-node says how to install it', async () => {
    if (await nodeBackendInstalled()) return;
    let error: unknown;
    try {
      await selectBackend('node');
    } catch (caught) {
      error = caught;
    }

    expect(isRgaeError(error)).toBe(true);
    expect((error as RgaeError).code).toBe('UNAVAILABLE');
    expect((error as Error).message).toMatch(/Backend "node" is unavailable: @tensorflow\/tfjs-node cannot be imported/);
    expect((error as Error).message).toMatch(/npm install @tensorflow\/tfjs-node@4\.22\.0/);
  });

  it('rejects an unknown backend name', async () => {
    await expect(selectBackend('gpu' as BackendRequest)).rejects.toThrow(/Unknown backend "gpu"\. Accepted values are auto, node, wasm, cpu\./);
  });
});
