/** A plugin oclif loaded, as far as the rgae registry needs it. */
export interface OclifPluginReference {
  name: string;
  /** Folder of the plugin's package.json. */
  root: string;
  /** oclif's plugin type: `user` (rgae plugins install), `link` (rgae plugins link), `core` or `dev`. */
  type: string;
}

/**
 * Lists the plugins oclif loaded from the user's data folder, those added by `rgae plugins install` or
 * `rgae plugins link`. Takes oclif's `Config` (or anything with `getPluginsList`).
 */
export function userInstalledPlugins(config: { getPluginsList(): ReadonlyArray<{ name: string; root: string; type: string }> }): OclifPluginReference[] {
  return config
    .getPluginsList()
    .filter((plugin) => plugin.type === 'user' || plugin.type === 'link')
    .map(({ name, root, type }) => ({ name, root, type }));
}
