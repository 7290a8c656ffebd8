import { Command, Flags } from '@oclif/core';
import { isRgaeError, type Registry } from '@rgae/core';
import { loadRegistry } from './plugins/load-registry.js';
import { userInstalledPlugins } from './plugins/oclif-plugins.js';

/** Exit status for bad input or an unusable environment (every RgaeError). */
export const EXIT_BAD_INPUT = 2;

/**
 * Base of every rgae command: the `--debug` flag, the plugin registry, and the mapping of RgaeError to a
 * one-line message with exit status 2 (stack trace only with --debug).
 */
export abstract class RgaeCommand extends Command {
  static override baseFlags = {
    debug: Flags.boolean({ description: 'Print stack traces of errors.', default: false, helpGroup: 'GLOBAL' }),
  };

  private registryPromise: Promise<Registry> | undefined;

  protected registry(): Promise<Registry> {
    this.registryPromise ??= loadRegistry({
      cwd: process.cwd(),
      oclifPlugins: userInstalledPlugins(this.config),
      reportFailure: (message) => process.stderr.write(`Error: ${message}\n`),
    });
    return this.registryPromise;
  }

  protected get debugEnabled(): boolean {
    return process.argv.includes('--debug');
  }

  protected override async catch(error: Error & { exitCode?: number; oclif?: { exit?: number } }): Promise<unknown> {
    if (isRgaeError(error)) {
      process.stderr.write(`Error: ${error.message}\n`);
      if (this.debugEnabled && error.stack) process.stderr.write(`${error.stack}\n`);
      this.exit(EXIT_BAD_INPUT);
    }
    if (!this.debugEnabled && error.oclif === undefined && !(error as { code?: string }).code?.startsWith?.('EEXIT')) {
      process.stderr.write(`Error: ${error.message}\n(run again with --debug for the stack trace)\n`);
      this.exit(1);
    }
    return super.catch(error);
  }
}
