// Credential hygiene: static checks of credential values against the pack's declarations.
export { checkCredentialHygiene, type HygieneCode, type HygieneResult } from './hygiene.js'
export { CHARSETS, FOREIGN_SHAPES, type ForeignShape } from './shapes.js'
