/** Acceptance rate the Metropolis proposal width is tuned toward during thermalisation. */
export const TARGET_ACCEPTANCE = 0.5;

const INITIAL_WIDTH = 1;
const MIN_WIDTH = 1e-4;

/**
 * The half-width w of the uniform Metropolis proposal δ ∈ [−w, w]. While not frozen, the n-th sweep updates
 * ln w by γ_n·(acceptance − target) with the decreasing gain γ_n = 1/sqrt(1 + n/16) (a Robbins–Monro
 * step), so w settles where the mean acceptance rate equals the target even when single sweeps are noisy, as
 * on small lattices. w stays within [1e-4, π]; π is a uniform proposal over the circle, reached at high
 * temperature. `freeze()` fixes w so that the chain satisfies detailed balance from then on.
 */
export class ProposalWidth {
  private current = INITIAL_WIDTH;
  private updates = 0;
  private frozen = false;

  get value(): number {
    return this.current;
  }

  /** Adjusts w after a sweep whose acceptance rate was `acceptance`; does nothing once frozen. */
  adapt(acceptance: number): void {
    if (this.frozen) return;
    const gain = 1 / Math.sqrt(1 + this.updates / 16);
    this.updates++;
    const next = this.current * Math.exp(gain * (acceptance - TARGET_ACCEPTANCE));
    this.current = Math.min(Math.PI, Math.max(MIN_WIDTH, next));
  }

  freeze(): void {
    this.frozen = true;
  }
}
