import { RgaeError } from '../errors/rgae-error.js';
import type { SpinData, SpinDtype } from '../lattice/spin-batch.js';

const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59];

const DESCR: Record<SpinDtype | 'float64', string> = {
  int8: '|i1',
  uint8: '|u1',
  float32: '<f4',
  float64: '<f8',
};

export type NpyArray = Int8Array | Uint8Array | Float32Array | Float64Array;

function descrOf(data: NpyArray): string {
  if (data instanceof Int8Array) return DESCR.int8;
  if (data instanceof Uint8Array) return DESCR.uint8;
  if (data instanceof Float32Array) return DESCR.float32;
  return DESCR.float64;
}

/**
 * Encodes a C-ordered array in NumPy's .npy format version 1.0, so `np.load(path)` returns it with
 * the given shape. The header is padded so that the data starts at a multiple of 64 bytes.
 */
export function encodeNpy(data: NpyArray, shape: readonly number[]): Uint8Array {
  const count = shape.reduce((a, b) => a * b, 1);
  if (count !== data.length) {
    throw new RgaeError('INVALID_ARGUMENT', `npy shape [${shape.join(", ")}] has ${count} values, data has ${data.length}.`);
  }
  const shapeText = shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
  let header = `{'descr': '${descrOf(data)}', 'fortran_order': False, 'shape': ${shapeText}, }`;
  const unpadded = MAGIC.length + 2 + 2 + header.length + 1;
  header += ' '.repeat((64 - (unpadded % 64)) % 64) + '\n';

  const out = new Uint8Array(MAGIC.length + 4 + header.length + data.byteLength);
  out.set(MAGIC, 0);
  out[6] = 1;
  out[7] = 0;
  new DataView(out.buffer).setUint16(8, header.length, true);
  for (let i = 0; i < header.length; i++) out[10 + i] = header.charCodeAt(i);
  out.set(new Uint8Array(data.buffer, data.byteOffset, data.byteLength), 10 + header.length);
  return out;
}

export interface DecodedNpy {
  dtype: SpinDtype | 'float64';
  shape: number[];
  data: NpyArray;
}

/** Decodes a .npy file (versions 1–3, little-endian, C order); `source` names the file in errors. */
export function decodeNpy(bytes: Uint8Array, source: string): DecodedNpy {
  const corrupt = (problem: string) =>
    new RgaeError('CORRUPT_FILE', `"${source}" is not a readable .npy file: ${problem}. Regenerate or re-export it.`);

  if (bytes.length < 10 || MAGIC.some((b, i) => bytes[i] !== b)) throw corrupt('missing the \\x93NUMPY magic bytes');
  const major = bytes[6];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = major === 1 ? view.getUint16(8, true) : view.getUint32(8, true);
  const headerStart = major === 1 ? 10 : 12;
  if (headerStart + headerLength > bytes.length) throw corrupt('the header is truncated');
  const header = new TextDecoder('latin1').decode(bytes.subarray(headerStart, headerStart + headerLength));

  const descr = /'descr':\s*'([^']+)'/.exec(header)?.[1];
  const fortran = /'fortran_order':\s*(True|False)/.exec(header)?.[1];
  const shapeText = /'shape':\s*\(([^)]*)\)/.exec(header)?.[1];
  if (!descr || !fortran || shapeText === undefined) throw corrupt('the header lacks descr, fortran_order or shape');
  if (fortran === 'True') throw corrupt('Fortran-ordered arrays are not supported; save with C order');

  const dtype = dtypeOfDescr(descr);
  if (!dtype) throw corrupt(`unsupported dtype ${descr}; expected one of ${Object.values(DESCR).join(', ')}`);

  const shape = shapeText
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0)
    .map(Number);
  if (shape.some((n) => !Number.isInteger(n) || n < 0)) throw corrupt(`invalid shape (${shapeText})`);

  const count = shape.reduce((a, b) => a * b, 1);
  const itemSize = ITEM_SIZE[dtype];
  const dataStart = headerStart + headerLength;
  const expected = count * itemSize;
  if (bytes.length - dataStart !== expected) {
    throw corrupt(`shape (${shape.join(', ')}) needs ${expected} data bytes, the file has ${bytes.length - dataStart} (truncated?)`);
  }

  const raw = bytes.slice(dataStart, dataStart + expected).buffer;
  const data =
    dtype === 'int8'
      ? new Int8Array(raw)
      : dtype === 'uint8'
        ? new Uint8Array(raw)
        : dtype === 'float32'
          ? new Float32Array(raw)
          : new Float64Array(raw);
  return { dtype, shape, data };
}

const ITEM_SIZE: Record<DecodedNpy['dtype'], number> = { int8: 1, uint8: 1, float32: 4, float64: 8 };

/** Maps a numpy type descriptor to its dtype; '=' (native order) reads as little-endian, and one-byte types may carry '<'. */
function dtypeOfDescr(descr: string): DecodedNpy['dtype'] | undefined {
  const normalised = descr.replace('=', '<').replace(/^<([iu]1)$/, '|$1');
  const entry = Object.entries(DESCR).find(([, d]) => d === normalised);
  return entry?.[0] as DecodedNpy['dtype'] | undefined;
}

export function isSpinData(data: NpyArray): data is SpinData {
  return !(data instanceof Float64Array);
}
