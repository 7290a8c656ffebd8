import { invalidArgument } from '@rgae/core';

/** Maximum length of an npm package name, counting the scope. */
const MAX_NAME_LENGTH = 214;

/** npm's rule for new package names: lower case, URL-safe, optionally scoped as `@scope/name`. */
const PACKAGE_NAME = /^(?:@[a-z0-9-~][a-z0-9-._~]*\/)?[a-z0-9-~][a-z0-9-._~]*$/;

/** Prefixes dropped from a package name to get the id namespace: `@acme/rgae-plugin-clock` → `clock`. */
const NAME_PREFIXES = ['rgae-plugin-', 'plugin-', 'rgae-'];

export interface PluginName {
  packageName: string;
  /** Namespace of the ids the plugin registers (`namespace/id`), derived from the package name. */
  namespace: string;
}

/** Checks an npm package name and derives the id namespace; throws an RgaeError naming the rule it breaks. */
export function parsePluginName(name: string): PluginName {
  if (name.length > MAX_NAME_LENGTH) {
    throw invalidArgument(`Invalid package name: ${name.length} characters, npm accepts at most ${MAX_NAME_LENGTH}.`);
  }
  if (!PACKAGE_NAME.test(name)) {
    throw invalidArgument(
      `Invalid package name "${name}": npm names are lower case and use only letters, digits, "-", ".", "_" and "~", ` +
        `optionally scoped as "@scope/name", and do not start with "." or "_". Example: rgae-plugin-clock or @acme/rgae-plugin-clock.`,
    );
  }

  const bare = name.replace(/^@[^/]+\//, '');
  const prefix = NAME_PREFIXES.find((candidate) => bare.startsWith(candidate) && bare.length > candidate.length);
  const stripped = prefix ? bare.slice(prefix.length) : bare;
  const namespace = stripped.replace(/[^a-z0-9._-]/g, '-').replace(/^[^a-z0-9]+/, '');
  if (namespace === '') {
    throw invalidArgument(`Invalid package name "${name}": it needs a letter or digit to name the plugin's ids. Example: rgae-plugin-clock.`);
  }
  return { packageName: name, namespace };
}
