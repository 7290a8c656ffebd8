import { Args, Flags } from '@oclif/core';
import { RgaeCommand } from '../../base-command.js';
import { scaffoldPlugin, type ScaffoldResult } from '../../plugins/scaffold/scaffold-plugin.js';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';

export default class PluginNew extends RgaeCommand {
  static override description =
    'Create a plugin package: package.json with @rgae/core as a peer dependency, tsconfig, README, and src/ with an ' +
    'example lattice, sampler and RG scheme whose tests run the @rgae/core/testing conformance suites.';

  static override enableJsonFlag = true;

  static override examples = [
    '<%= config.bin %> plugin new rgae-plugin-clock',
    '<%= config.bin %> plugin new @acme/rgae-plugin-clock --dir packages/clock',
  ];

  static override args = {
    name: Args.string({ description: 'npm package name of the plugin, e.g. rgae-plugin-clock or @acme/rgae-plugin-clock.', required: true }),
  };

  static override flags = {
    dir: Flags.string({ description: 'Folder to create the package in; it must not exist or be empty. Default: ./<name without scope and "rgae-plugin-">.' }),
  };

  async run(): Promise<ScaffoldResult> {
    const { args, flags } = await this.parse(PluginNew);
    const result = scaffoldPlugin({ name: args.name, dir: flags.dir, cwd: process.cwd() });

    this.log(`Created ${result.packageName} in ${result.dir}:`);
    for (const file of result.files) this.log(`  ${file}`);
    this.log('');
    // @rgae/core is not on the npm registry yet, so the package is pointed at the core this CLI runs with.
    this.log(`Next: cd ${result.dir} && npm install --save-dev ${localCoreFolder()} && npm test`);
    this.log(`Ids are namespaced "${result.namespace}/…". Add the package to "plugins" in a project's rgae.config.json to use it.`);
    return result;
  }
}

/** Folder of the @rgae/core package this CLI runs with (a workspace checkout's packages/core). */
function localCoreFolder(): string {
  return dirname(createRequire(import.meta.url).resolve('@rgae/core/package.json'));
}

