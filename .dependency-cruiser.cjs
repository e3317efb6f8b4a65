// Architecture rules, checked by `npm test` (step "architecture"): the platform carries modules without knowing
// them, modules and the CLI meet only at each other's public faces, and no runtime import cycle exists.
// Tests and benchmarks may reach inside a module (they are not part of the product).
const face = '(index|schema|vocabulary)\\.ts$';
const product = { pathNot: ['\\.test\\.ts$', '^tests/', '^bench/'] };

module.exports = {
  forbidden: [
    {
      name: 'platform-carries-no-module',
      comment:
        'src/platform builds a server from the modules it is given; it imports nothing under src/modules or src/app.',
      severity: 'error',
      from: { path: '^src/platform/', ...product },
      to: { path: '^src/(modules|app)/' },
    },
    {
      name: 'module-faces-only',
      comment: "Another module may import only a module's index.ts, schema.ts or vocabulary.ts.",
      severity: 'error',
      from: { path: '^src/modules/([^/]+)/', ...product },
      to: { path: '^src/modules/[^/]+/', pathNot: ['^src/modules/$1/', `^src/modules/[^/]+/${face}`] },
    },
    {
      name: 'cli-and-app-use-faces',
      comment: "The CLI and the composition root import only a module's index.ts, schema.ts or vocabulary.ts.",
      severity: 'error',
      from: { path: '^src/(cli|app)', ...product },
      to: { path: '^src/modules/', pathNot: [`^src/modules/[^/]+/${face}`] },
    },
    {
      name: 'web-imports-only-contracts',
      comment: 'The web app imports from the server only schemas, vocabularies and the shared label catalogue.',
      severity: 'error',
      from: { path: '^web/' },
      to: { path: '^src/', pathNot: ['^src/modules/.+/(schema|vocabulary)\\.ts$', '^src/shared/'] },
    },
    {
      name: 'server-never-imports-web',
      severity: 'error',
      from: { path: '^src/', ...product },
      to: { path: '^web/' },
    },
    {
      name: 'no-runtime-cycles',
      comment: 'No cycle of runtime imports (type-only imports are erased and may go both ways).',
      severity: 'error',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['node_modules', '^web/dist', '^data/', '^dist/'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] },
  },
};
