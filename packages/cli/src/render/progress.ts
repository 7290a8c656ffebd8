import type { ProgressEvent } from '@rgae/core';

export interface ProgressDisplay {
  /** Updates the live bar (terminal only). */
  update(label: string, event: ProgressEvent): void;
  /** Prints one finished step: a line in any mode. */
  done(message: string): void;
  clear(): void;
}

const BAR_WIDTH = 24;

/**
 * Progress on stderr: a redrawn bar when stderr is a terminal and not CI, otherwise one line per finished
 * step. stdout stays free for results.
 */
export function createProgress(stream: NodeJS.WriteStream = process.stderr): ProgressDisplay {
  const live = Boolean(stream.isTTY) && !process.env.CI;
  let lastDraw = 0;
  let drawn = false;

  const clear = () => {
    if (live && drawn) stream.write('\r\x1b[2K');
    drawn = false;
  };

  return {
    update(label, event) {
      if (!live) return;
      const now = Date.now();
      if (now - lastDraw < 100 && event.done < event.total) return;
      lastDraw = now;
      const fraction = event.total > 0 ? Math.min(1, event.done / event.total) : 0;
      const filled = Math.round(fraction * BAR_WIDTH);
      const bar = '█'.repeat(filled) + '░'.repeat(BAR_WIDTH - filled);
      stream.write(`\r\x1b[2K${label} ${event.stage.padEnd(10)} ${bar} ${(fraction * 100).toFixed(0).padStart(3)}%`);
      drawn = true;
    },
    done(message) {
      clear();
      stream.write(`${message}\n`);
    },
    clear,
  };
}
