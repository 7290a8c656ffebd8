/** Levenshtein edit distance between two strings. */
export function editDistance(a: string, b: string): number {
  const previous = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) previous[j] = j;

  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0];
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j];
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      previous[j] = Math.min(previous[j] + 1, previous[j - 1] + 1, diagonal + cost);
      diagonal = above;
    }
  }
  return previous[b.length];
}

/** Returns the candidate closest to `input`, or undefined when none is within a plausible typo distance. */
export function nearest(input: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(input.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  const tolerance = Math.max(2, Math.floor(input.length / 3));
  return bestDistance <= tolerance ? best : undefined;
}

/**
 * Builds the message for an unknown id, e.g.
 * `Unknown RG scheme "majorty". Registered schemes: majority, decimation. Did you mean "majority"?`
 */
export function unknownIdMessage(kind: string, plural: string, input: string, known: readonly string[]): string {
  const list = known.length > 0 ? known.join(', ') : '(none)';
  const guess = nearest(input, known);
  const hint = guess ? ` Did you mean "${guess}"?` : '';
  return `Unknown ${kind} "${input}". Registered ${plural}: ${list}.${hint}`;
}
