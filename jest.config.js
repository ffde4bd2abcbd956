/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // Whole-program tests (CLI runs, synths, dynalite) take a few seconds alone and several times that on a loaded 2-core
  // machine: the default 5 s failed them there, and a timed-out test tears down while its store request is in flight.
  testTimeout: 30_000,
  setupFiles: ['<rootDir>/test/setup-env.ts'],
  setupFilesAfterEnv: ['aws-cdk-lib/testhelpers/jest-autoclean'], // removes the cdk.outXXXX temp dirs each new App() leaves
  transform: {
    '^.+\\.tsx?$': ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript' } }, module: { type: 'commonjs' } }],
  },
};
