import { ts as morphTs } from "ts-morph";

/**
 * The TypeScript API that ts-morph bundles, read once into a local binding. Importing `ts`
 * from "ts-morph" directly makes the bundler's CommonJS interop turn every `ts.x` into a
 * getter call, which cost about 5% of an audit on the hot path.
 */
export import ts = morphTs;
