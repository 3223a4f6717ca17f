// apidx configuration.
export {
  loadConfig,
  checkConfig,
  providerCredentials,
  type ConfigOptions,
  type ConfigCredentials,
  type LoadedConfig,
} from './load.js'
export { DATA_PLACES, CODE_PLACES, globalConfigDir, type ConfigScope } from './search.js'
export { targetDefaults } from './defaults.js'
export { configNeedsTrust, isConfigTrusted, trustConfig, trustStoreFile } from './trust.js'
