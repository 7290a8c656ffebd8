import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

// Layering: cli → plugins, models, rg-schemes → core. The nx module-boundaries rule enforces it:
// core imports neither tfjs, oclif nor gpu.js, and nothing imports the cli.
const boundaries = {
  enforceBuildableLibDependency: false,
  allow: [],
  depConstraints: [
    {
      sourceTag: 'scope:core',
      onlyDependOnLibsWithTags: ['scope:core'],
      bannedExternalImports: ['@tensorflow/*', '@oclif/*', 'gpu.js'],
    },
    {
      sourceTag: 'scope:lattice-plugin',
      onlyDependOnLibsWithTags: ['scope:core'],
      bannedExternalImports: ['@tensorflow/*', '@oclif/*'],
    },
    { sourceTag: 'scope:rg', onlyDependOnLibsWithTags: ['scope:core'], bannedExternalImports: ['@tensorflow/*', '@oclif/*'] },
    { sourceTag: 'scope:models', onlyDependOnLibsWithTags: ['scope:core'], bannedExternalImports: ['@oclif/*'] },
    { sourceTag: 'scope:report', onlyDependOnLibsWithTags: ['scope:core'], bannedExternalImports: ['@tensorflow/*', '@oclif/*', 'gpu.js'] },
    { sourceTag: 'scope:study-tests', onlyDependOnLibsWithTags: ['scope:core'], bannedExternalImports: ['@tensorflow/*', '@oclif/*', 'gpu.js'] },
    { sourceTag: 'scope:cli', onlyDependOnLibsWithTags: ['scope:core', 'scope:lattice-plugin', 'scope:rg', 'scope:models', 'scope:report', 'scope:study-tests'] },
    { sourceTag: 'scope:tools', onlyDependOnLibsWithTags: ['scope:core', 'scope:lattice-plugin', 'scope:rg', 'scope:models'] },
  ],
};

// Tests may use other packages as fixtures (an Ising ensemble in a models test), but never the cli.
const testBoundaries = {
  ...boundaries,
  depConstraints: boundaries.depConstraints.map((constraint) =>
    constraint.sourceTag === 'scope:cli' ? constraint : { ...constraint, onlyDependOnLibsWithTags: ['scope:core', 'scope:lattice-plugin', 'scope:rg', 'scope:models', 'scope:report', 'scope:study-tests', 'scope:tools'] },
  ),
};

export default [
  { ignores: ['**/dist/**', '**/node_modules/**', 'test-results/**', 'runs/**', 'data/**'] },
  {
    files: ['**/*.ts'],
    languageOptions: { parser: tseslint.parser },
    plugins: { '@nx': nx },
    rules: { '@nx/enforce-module-boundaries': ['error', boundaries] },
  },
  {
    files: ['**/*.test.ts'],
    rules: { '@nx/enforce-module-boundaries': ['error', testBoundaries] },
  },
];
