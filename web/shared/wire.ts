/**
 * A server response type as JSON carries it: the server's schemas type timestamps as `Date | string`
 * (services return Dates, the serializer writes ISO 8601); in the browser they are strings.
 */
export type Wire<T> = T extends Date
  ? string
  : T extends readonly (infer U)[]
    ? Wire<U>[]
    : T extends object
      ? { [K in keyof T]: Wire<T[K]> }
      : T;
