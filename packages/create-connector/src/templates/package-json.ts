import { REPOSITORY_URL, type TemplateContext } from './template-context';

/**
 * `package.json`: the connector manifest the repository's surface rule requires (ESM + CJS +
 * types, the `@evidencekit/source` condition, core as a peer, zod as a dependency). Standalone
 * it carries real ranges and the build tools; in the workspace, `workspace:` ranges and the
 * publishing fields every `@evidencekit` package has.
 */
export function packageJson(context: TemplateContext): string {
  const { answers, names, mode, versions } = context;
  const workspace = mode === 'workspace';
  const directory = `packages/connectors/${names.id}`;
  const manifest = {
    name: answers.packageName,
    version: workspace ? versions.core : '0.1.0',
    description: `Evidencekit connector for ${answers.displayName}: the status of a service's component.`,
    license: 'Apache-2.0',
    ...(workspace
      ? {
          repository: { type: 'git', url: `git+${REPOSITORY_URL}.git`, directory },
          homepage: `${REPOSITORY_URL}/tree/main/${directory}#readme`,
          bugs: { url: `${REPOSITORY_URL}/issues` },
        }
      : {}),
    type: 'module',
    sideEffects: false,
    engines: { node: '>=22.19' },
    keywords: ['evidencekit', 'evidencekit-connector', names.id],
    exports: {
      '.': {
        '@evidencekit/source': './src/index.ts',
        import: { types: './dist/index.d.ts', default: './dist/index.js' },
        require: { types: './dist/index.d.cts', default: './dist/index.cjs' },
      },
      './package.json': './package.json',
    },
    main: './dist/index.cjs',
    module: './dist/index.js',
    types: './dist/index.d.ts',
    files: workspace ? ['dist', 'src', 'README.md', 'LICENSE'] : ['dist', 'src', 'README.md'],
    scripts: workspace
      ? { build: 'tsup' }
      : { build: 'tsup', test: 'vitest run', typecheck: 'tsc --noEmit' },
    dependencies: { zod: versions.zod },
    peerDependencies: { '@evidencekit/core': workspace ? 'workspace:^' : `^${versions.core}` },
    devDependencies: workspace
      ? { '@evidencekit/core': 'workspace:*', '@evidencekit/testing': 'workspace:*' }
      : {
          '@evidencekit/core': `^${versions.core}`,
          '@evidencekit/testing': `^${versions.testing}`,
          '@types/node': versions.typesNode,
          tsup: versions.tsup,
          typescript: versions.typescript,
          vitest: versions.vitest,
        },
    ...(workspace ? { publishConfig: { access: 'public', provenance: true } } : {}),
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
