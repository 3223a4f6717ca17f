// Public API of @apidx/core. Everything a command, probe or pack tool needs is exported from here.
export * from './errors.js'
export type * from './generated/index.js'
export * from './generated/schemas.js'
export * from './pack/index.js'
export * from './config/index.js'
export * from './engine/index.js'
export * from './diagnose/index.js'
export * from './report/index.js'
