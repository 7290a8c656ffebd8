const TWO_PI = 2 * Math.PI;

/**
 * Wraps an angle into [0, 2π) and rounds it to float32, the storage type of XY configurations.
 * A value that float32 rounding would carry up to 2π (the float32 nearest to 2π lies above it) becomes 0,
 * so the stored angle always lies in [0, 2π).
 */
export function wrapAngle(angle: number): number {
  let wrapped = angle - TWO_PI * Math.floor(angle / TWO_PI);
  wrapped = Math.fround(wrapped);
  return wrapped >= TWO_PI || wrapped < 0 ? 0 : wrapped;
}

/** Wraps an angle difference into (−π, π]. */
export function wrapDifference(difference: number): number {
  return difference - TWO_PI * Math.ceil((difference - Math.PI) / TWO_PI);
}

/** True when every entry is a finite angle in [0, 2π). */
export function isValidAngleArray(angles: Float32Array): boolean {
  for (let i = 0; i < angles.length; i++) {
    const angle = angles[i];
    if (!(angle >= 0 && angle < TWO_PI)) return false;
  }
  return true;
}
