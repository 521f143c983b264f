/** A dictionary shape with every leaf widened to string: what nn and en must match. */
export type Strings<T> = { readonly [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };
