// The Mocha globals the element tests use. Web Test Runner runs the tests with Mocha, which
// defines these on window; @types/mocha is not a dependency of the repo, so they are declared
// here (tsconfig.tests.json includes packages/*/test/**/*.ts). Remove this file if
// @types/mocha is ever added.
type MochaTestFn = () => void | Promise<unknown>;

declare function describe(title: string, fn: () => void): void;
declare function it(title: string, fn: MochaTestFn): void;
declare function before(fn: MochaTestFn): void;
declare function after(fn: MochaTestFn): void;
declare function beforeEach(fn: MochaTestFn): void;
declare function afterEach(fn: MochaTestFn): void;
