/** package.json of a generated plugin: ESM, `@rgae/core` as a peer dependency, built into dist/. */
export function packageJsonTemplate(packageName: string, coreVersion: string): string {
  const manifest = {
    name: packageName,
    version: '0.1.0',
    description: 'rgae plugin',
    license: 'MIT',
    type: 'module',
    main: './dist/index.js',
    types: './dist/index.d.ts',
    exports: { '.': { types: './dist/index.d.ts', import: './dist/index.js' }, './package.json': './package.json' },
    files: ['dist', 'README.md'],
    keywords: ['rgae-plugin'],
    scripts: { build: 'tsc -p tsconfig.build.json', typecheck: 'tsc -p tsconfig.json --noEmit', test: 'vitest run', prepack: 'npm run build' },
    engines: { node: '>=20.19' },
    peerDependencies: { '@rgae/core': `^${coreVersion}` },
    devDependencies: { '@rgae/core': `^${coreVersion}`, '@types/node': '^20.19.0', typescript: '~5.9.3', vitest: '~4.1.0' },
    oclif: {},
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/** tsconfig.json for type-checking sources and tests; tsconfig.build.json emits dist/ without the tests. */
export function tsconfigTemplates(): Record<string, string> {
  const compilerOptions = {
    target: 'ES2022',
    lib: ['ES2023'],
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    strict: true,
    declaration: true,
    sourceMap: true,
    skipLibCheck: true,
    rootDir: 'src',
    outDir: 'dist',
    types: ['node'],
  };
  return {
    'tsconfig.json': `${JSON.stringify({ compilerOptions, include: ['src/**/*.ts'] }, null, 2)}\n`,
    'tsconfig.build.json': `${JSON.stringify({ extends: './tsconfig.json', exclude: ['src/**/*.test.ts'] }, null, 2)}\n`,
  };
}

export const GITIGNORE_TEMPLATE = 'node_modules/\ndist/\n*.tsbuildinfo\n';
