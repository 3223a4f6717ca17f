// How a provider's config defaults fill in what the command line left out, the same way for every
// command (check, sign, mock): flags first, then the config, then the pack. A version or endpoint
// default belongs to one service, so it never makes another service fail ("iat has no version v3.5").
import type { ProviderDefaults, ProviderPack } from '../generated/index.js'
import type { TargetSelection } from '../pack/target.js'

/** What the user asked for on the command line. */
export interface RequestedTarget extends TargetSelection {
  /** True when no endpoint may come from config (the emulator chooses its own). */
  noEndpoint?: boolean
}

/**
 * The selection to resolve: `service` from the flag, the config, or (without an endpoint to match)
 * the pack's first service; `version` and `endpoint` from the flag, the service's own defaults
 * (`services.<id>`), or the provider-wide ones when they belong to that service.
 */
export function targetDefaults(
  pack: ProviderPack,
  defaults: ProviderDefaults,
  requested: RequestedTarget,
): TargetSelection {
  const providerEndpoint = requested.noEndpoint ? undefined : defaults.endpoint
  const service =
    requested.service ??
    defaults.service ??
    ((requested.endpoint ?? providerEndpoint) ? undefined : Object.keys(pack.services)[0])
  const own = service ? serviceDefaults(defaults, service) : undefined
  const version =
    requested.version ?? own?.version ?? (service ? providerVersion(pack, defaults, service) : undefined)
  const endpoint = requested.noEndpoint
    ? undefined
    : (requested.endpoint ?? own?.endpoint ?? (belongs(defaults, service) ? defaults.endpoint : undefined))
  return {
    ...(service ? { service } : {}),
    ...(version ? { version } : {}),
    ...(endpoint ? { endpoint } : {}),
  }
}

/** A provider-wide default belongs to the configured service, or to every service when none is configured. */
const belongs = (defaults: ProviderDefaults, service: string | undefined) =>
  !service || !defaults.service || service === defaults.service

function serviceDefaults(defaults: ProviderDefaults, service: string) {
  return defaults.services && Object.hasOwn(defaults.services, service)
    ? defaults.services[service]
    : undefined
}

/** The provider-wide version, when it belongs to this service (without a configured service: when the service has it). */
function providerVersion(
  pack: ProviderPack,
  defaults: ProviderDefaults,
  service: string,
): string | undefined {
  if (!defaults.version) return undefined
  if (defaults.service) return defaults.service === service ? defaults.version : undefined
  const versions = Object.hasOwn(pack.services, service) ? pack.services[service]!.versions : {}
  return Object.hasOwn(versions, defaults.version) ? defaults.version : undefined
}
