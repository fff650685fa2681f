/**
 * Dependency rules (npm run depcruise; .ci/run). ARCHITECTURE.md, "The module template", says why.
 *
 * Type-only imports: files are compiled by Babel before they are read (.dependency-cruiser.babel.cjs),
 * which erases `import type …` and imports used only as types, exactly as at run time. So every rule
 * below is about runtime imports: a cycle through types alone is allowed (types leave no
 * initialisation order), and web/ may take the server's types. A type another module needs is still
 * exported from its index.ts, by convention, but only runtime imports are checked.
 */
const MODULE = '^src/server/modules/([^/]+)/';

/** Code that may reach into any module: tests, fixtures and harnesses build and inspect modules from
 * the inside (a repo's rows, a service's internals), which is their job; none of it ships. */
const TEST_CODE = [
  '[.]test[.]tsx?$',
  '[.](testing|fixtures|harness)[.]ts$',
  '^test/',
  '^bench/',
  '^scripts/',
  '^browser/',
];

/** I/O: what a pure domain or policy file must not import. */
const IO = [
  '^(node:)?(fs|net|http|https|child_process|worker_threads|dgram|tls|dns)(/|$)',
  '^(node:)?fs/promises$',
  '(^|/)node_modules/(pg|pg-[^/]+|@electric-sql/pglite|exceljs|sharp|fastify|@fastify/[^/]+)/',
  '[.](repo|service|routes|writer|jobs)[.]ts$',
  '^src/server/platform/(db|outbox|sms|http|audit)/',
];

module.exports = {
  forbidden: [
    {
      name: 'no-cycle',
      severity: 'error',
      comment: 'Runtime import cycles make initialisation order matter and modules inseparable.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'one-door-per-module',
      severity: 'error',
      comment:
        'A module imports another module only through its index.ts (src/server/modules/<b>/index.ts). ' +
        'Tests, fixtures, bench/, scripts/ and browser/ may reach inside (see TEST_CODE).',
      from: { path: MODULE, pathNot: TEST_CODE },
      to: {
        path: '^src/server/modules/([^/]+)/',
        pathNot: ['^src/server/modules/$1/', '^src/server/modules/[^/]+/index[.]ts$'],
      },
    },
    {
      name: 'pure-domain-and-policy',
      severity: 'error',
      comment: '*.domain.ts and *.policy.ts are pure: no file system, network, database, repo or service.',
      from: { path: '[.](domain|policy)[.]ts$' },
      to: { path: IO },
    },
    {
      name: 'platform-imports-no-module',
      severity: 'error',
      comment: 'platform/ holds no domain code and knows no module.',
      from: { path: '^src/server/platform/', pathNot: TEST_CODE },
      to: { path: '^src/server/modules/' },
    },
    {
      name: 'web-takes-only-types-from-the-server',
      severity: 'error',
      comment:
        'web/ may import the server only with `import type` (erased before the cruise), and label tables (`*.labels.ts`: plain data shared by server and web).',
      from: { path: '^web/' },
      to: { path: '^src/', pathNot: '[.]labels[.]ts$' },
    },
    {
      name: 'labels-are-plain-data',
      severity: 'error',
      comment: 'A `*.labels.ts` file is plain data the web bundles too: it imports nothing at run time.',
      from: { path: '[.]labels[.]ts$' },
      to: {},
    },
    {
      name: 'audit-through-audit',
      severity: 'error',
      comment:
        'Audit rows are written only through platform/audit/audit.ts (`audit(tx, …)`, `auditSystem`); the raw repo is for the chain itself and the audit module reading it.',
      from: { path: '^src/', pathNot: ['^src/server/platform/audit/', '^src/server/modules/audit/', ...TEST_CODE] },
      to: { path: '^src/server/platform/audit/audit[.]repo[.]ts$' },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'An import that resolves to nothing.',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist)/' },
    babelConfig: { fileName: '.dependency-cruiser.babel.cjs' },
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'],
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
      mainFields: ['module', 'main'],
    },
    skipAnalysisNotInRules: true,
  },
};
