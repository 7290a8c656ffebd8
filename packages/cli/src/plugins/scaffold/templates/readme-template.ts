/** README.md of a generated plugin. */
export function readmeTemplate(packageName: string, namespace: string): string {
  return `# ${packageName}

An [rgae](https://www.npmjs.com/package/@rgae/cli) plugin. Its default export, made by \`definePlugin\` from
\`@rgae/core\`, registers:

- lattice \`${namespace}/spins\`: an Ising model (spins ±1, periodic square lattice) to replace with your own physics;
- sampler \`heat-bath\` for that lattice;
- RG scheme \`${namespace}/decimation\`, which keeps the top-left spin of each block.

Ids are namespaced \`${namespace}/…\` so that they cannot collide with other plugins.

## Develop

\`\`\`sh
npm install
npm test          # conformance suites of @rgae/core/testing, including an exact 3×3 distribution check
npm run typecheck
npm run build     # writes dist/
\`\`\`

## Use it

In a project, install the package and list it in \`rgae.config.json\`:

\`\`\`json
{ "plugins": ["${packageName}"] }
\`\`\`

A path works too (\`"./path/to/plugin"\`, relative to the config file). Or link it for every project with
\`rgae plugins link .\` (oclif needs the empty \`oclif\` section in package.json for that). Then
\`rgae list\` shows the parts above, and \`rgae study --lattice ${namespace}/spins --scheme ${namespace}/decimation\` uses them.
`;
}
