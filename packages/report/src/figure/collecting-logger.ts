export interface LogMessages {
  warnings: string[];
  errors: string[];
}

/** The logger shape that vega and vega-lite accept (vega-util's LoggerInterface). */
export interface VegaLogger {
  level(value?: number): number | VegaLogger;
  error(...args: unknown[]): VegaLogger;
  warn(...args: unknown[]): VegaLogger;
  info(...args: unknown[]): VegaLogger;
  debug(...args: unknown[]): VegaLogger;
}

/**
 * Builds a logger that stores warnings and errors in `messages` instead of printing them, because a
 * library never writes to the console. Info and debug messages are dropped.
 */
export function collectingLogger(messages: LogMessages): VegaLogger {
  let level = 2;
  const text = (args: unknown[]) => args.map((arg) => (arg instanceof Error ? arg.message : String(arg))).join(' ');

  const logger: VegaLogger = {
    level(value?: number) {
      if (value === undefined) return level;
      level = value;
      return logger;
    },
    error(...args) {
      messages.errors.push(text(args));
      return logger;
    },
    warn(...args) {
      messages.warnings.push(text(args));
      return logger;
    },
    info: () => logger,
    debug: () => logger,
  };
  return logger;
}
