/** Leveled logger; core never writes to the console itself, the CLI or a test supplies one. */
export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
}

export const silentLogger: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
};

/** A progress report: `done` of `total` units of the named stage. */
export interface ProgressEvent {
  stage: string;
  done: number;
  total: number;
  detail?: string;
}

export type ProgressCallback = (event: ProgressEvent) => void;
