/**
 * The import rules of Dossier's layout (docs/ARCHITECTURE.md, "Import rules"). `npm run lint`
 * runs them; a rule broken is a lint error, not a review comment.
 */
const DB_LIBRARIES = 'node_modules/(kysely|pg|pg-[a-z-]+|better-sqlite3)/';
const COMPOSITION = '^src/(context\\.ts|cli/|static-export/)';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'core-imports-nothing-of-ours',
      comment: 'core holds entities, rules and ports: it imports no other folder of ours.',
      severity: 'error',
      from: { path: '^src/core/' },
      to: { path: '^src/', pathNot: '^src/core/' },
    },
    {
      name: 'ui-imports-only-core',
      comment: 'The page shell knows entities, not features, storage or HTTP.',
      severity: 'error',
      from: { path: '^src/ui/' },
      to: { path: '^src/', pathNot: '^src/(core|ui)/' },
    },
    {
      name: 'infra-imports-only-core',
      comment: "infra implements core's ports and knows nothing of features, pages or HTTP.",
      severity: 'error',
      from: { path: '^src/infra/' },
      to: { path: '^src/', pathNot: '^src/(core|infra)/' },
    },
    {
      name: 'feature-imports-core-ui-and-features',
      comment: 'A feature is wired to storage by the composition root, never by importing infra.',
      severity: 'error',
      from: { path: '^src/features/' },
      to: { path: '^src/', pathNot: '^src/(core|ui|features)/' },
    },
    {
      name: 'feature-through-its-index',
      comment: "Another feature is reached only through its index.ts, the feature's public face.",
      severity: 'error',
      from: { path: '^src/features/([^/]+)/' },
      to: {
        path: '^src/features/',
        pathNot: ['^src/features/$1/', '^src/features/[^/]+/index\\.ts$'],
      },
    },
    {
      name: 'web-imports-features-ui-core',
      comment: 'The HTTP shell mounts features; storage reaches it through the context.',
      severity: 'error',
      from: { path: '^src/web/' },
      to: { path: '^src/', pathNot: '^src/(core|ui|features|web)/' },
    },
    {
      name: 'only-composition-wires-infra',
      comment: 'Only context.ts, the CLI and the static export choose implementations.',
      severity: 'error',
      from: { path: '^src/', pathNot: [COMPOSITION, '^src/infra/'] },
      to: { path: '^src/infra/' },
    },
    {
      name: 'database-libraries-only-in-infra',
      comment: 'Only infra speaks SQL: features and the shell see repositories through ports.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/infra/' },
      to: { path: DB_LIBRARIES },
    },
    {
      name: 'no-folder-cycles',
      comment: 'Folders depend one way: a cycle between two folders means a concept is split.',
      severity: 'error',
      scope: 'folder',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'no-test-helpers-in-src',
      comment: 'Shipped code never imports test support.',
      severity: 'error',
      from: { path: '^src/', pathNot: '\\.test\\.tsx?$' },
      to: { path: '^test/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.test\\.tsx?$' },
    tsPreCompilationDeps: true,
    // Absolute, so that the rules' own tests can cruise a fixture tree with this configuration.
    tsConfig: { fileName: require('node:path').join(__dirname, 'tsconfig.json') },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js'] },
  },
};
