// The apidx library (the same package as the CLI, as eslint is): what an app or a script imports.
export { sign } from './api/sign.js'
export type { SignOptions, SignedRequest } from './api/sign.js'
export { scaffold, scaffoldHeader } from './scaffold/index.js'
export type { ScaffoldFile, ScaffoldLang, ScaffoldOptions } from './scaffold/index.js'
