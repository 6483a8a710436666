// What a catch clause holds is `unknown`: an Error most of the time, but a library may throw a
// string or a plain object. A field of it is read as property access would read it (undefined
// when there is none), without asserting that it is an Error.

/** `error.name`, `error.message` or `error.code` (a Node system error's ENOENT, ELOOP), or undefined. */
export function thrownField(error: unknown, key: 'name' | 'message' | 'code'): unknown {
  return (typeof error === 'object' && error !== null) || typeof error === 'function'
    ? Reflect.get(error, key)
    : undefined;
}
