// Installing provider packs into the user's data dir, and scaffolding new ones. The tar reader and
// source resolution stay internal: the public surface is what a command or a pack tool calls.
export {
  installPack,
  uninstallPack,
  type InstallOptions,
  type InstallResult,
  type UninstallResult,
} from './install.js'
export {
  packsDir,
  readInstallRecord,
  checkInstalledIntegrity,
  type InstallRecord,
  type InstallSourceKind,
} from './record.js'
export { isNpmSpec, npmPackArgs, type NpmRunner, type NpmResult } from './npm.js'
export { readPackTarball, PackageError, TARBALL_LIMITS, type PackageContents } from './tarball.js'
export { integrityOf } from './integrity.js'
export { scaffoldPackFolder, checkPackId, type ScaffoldOptions, type ScaffoldResult } from './scaffold.js'
export { scaffoldPack, SCAFFOLD_ERRORS } from './template.js'
