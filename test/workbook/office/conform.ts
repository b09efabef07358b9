/**
 * Compile-time conformance between the fake and @types/office-js.
 *
 * `class FakeRange implements Conform<Excel.Range, 'values' | 'getCell'>` fails `tsc` when a
 * member name does not exist on Excel.Range, when a scalar property has another type, or when
 * a method's parameters differ. Members whose type is another API object (Range, Worksheet …)
 * become `unknown`, so the fake can hand out its own proxies in their place.
 */
type Plain<T> = T extends OfficeExtension.ClientObject
  ? unknown
  : T extends readonly (infer E)[]
    ? E extends OfficeExtension.ClientObject
      ? readonly unknown[]
      : T
    : T;

type PlainArgs<A extends unknown[]> = { [I in keyof A]: Plain<A[I]> };

type Fn<F> = F extends (...args: infer A) => infer R ? (...args: PlainArgs<A>) => Plain<R> : never;

export type Conform<T, K extends keyof T> = {
  [P in K]: T[P] extends (...args: never[]) => unknown ? Fn<T[P]> : Plain<T[P]>;
};

/** What every fake `load` accepts: the union of the load overloads' argument forms. */
export type LoadArg =
  string | string[] | { select?: string | string[]; expand?: string | string[]; top?: number; skip?: number };
