// The `wrong-path` client: the documented path without its version segment, wherever it is.

/** `/v2/iat` → `/iat`, `/ast/communicate/v1` → `/ast/communicate`, `/v1` → `/`; unchanged without one. */
export function dropVersion(pathname: string): string {
  return pathname.replace(/\/v\d[^/]*(?=\/|$)/, '') || '/'
}
