/** Jest runs the TypeScript sources through ts-jest; type checking is `tsc --noEmit` in `npm test`,
 * so ts-jest only transpiles (isolatedModules in tsconfig) and stays fast. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', {}] },
  testTimeout: 30000,
};
