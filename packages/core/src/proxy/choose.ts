// Which proxy a request goes through, with curl's rules (man curl, ENVIRONMENT; CURLOPT_NOPROXY):
// `--proxy` wins, `--no-proxy` turns proxies off, else `<scheme>_proxy` then ALL_PROXY, unless
// NO_PROXY names the host. ws:// and wss:// follow http:// and https://, as every WebSocket client does.
import net from 'node:net'
import { ApidxError } from '../errors.js'

/** What the user said about proxies: a flag pair and the environment to read. */
export interface ProxyChoice {
  /** `--proxy <url>`: used for every request, whatever the environment says. */
  url?: string
  /** `--no-proxy`: never use a proxy. */
  disabled?: boolean
  /** The environment holding HTTPS_PROXY and friends (process.env in the CLI). */
  env?: Record<string, string | undefined>
}

/** The proxy a request will use. `url` holds the credentials: never show it, show `shown`. */
export interface ChosenProxy {
  url: URL
  /** Where the choice came from: `--proxy`, or the variable's name as set (`https_proxy`). */
  source: string
  /** The proxy URL with any password masked and no path: safe to show. */
  shown: string
  /** True when the proxy speaks a scheme apidx cannot tunnel through (socks, https). */
  unsupported: boolean
}

/** The variables consulted for a URL scheme, in curl's order (lower case first; HTTP_PROXY upper case is ignored, as curl does). */
const VARIABLES: Record<string, string[]> = {
  'http:': ['http_proxy', 'all_proxy', 'ALL_PROXY'],
  'ws:': ['http_proxy', 'all_proxy', 'ALL_PROXY'],
  'https:': ['https_proxy', 'HTTPS_PROXY', 'all_proxy', 'ALL_PROXY'],
  'wss:': ['https_proxy', 'HTTPS_PROXY', 'all_proxy', 'ALL_PROXY'],
}

const DEFAULT_PORTS: Record<string, number> = { 'http:': 80, 'ws:': 80, 'https:': 443, 'wss:': 443 }

/** The proxy `target` goes through, or null for a direct connection. */
export function chooseProxy(target: URL, choice: ProxyChoice = {}): ChosenProxy | null {
  if (choice.disabled) return null
  if (choice.url) return parseProxy(choice.url, '--proxy')
  const env = choice.env ?? {}
  if (bypassed(target, env.no_proxy ?? env.NO_PROXY ?? '')) return null
  for (const name of VARIABLES[target.protocol] ?? []) {
    const value = env[name]?.trim()
    if (value) return parseProxy(value, name)
  }
  return null
}

/** Parses a proxy setting; a value without a scheme is an http:// proxy, as curl reads it. */
export function parseProxy(value: string, source: string): ChosenProxy {
  let url: URL
  try {
    url = new URL(value.includes('://') ? value : `http://${value}`)
  } catch {
    // An unparseable value is shown by its source only: it may hold a password.
    throw new ApidxError('ERR_USAGE', `The proxy in ${source} is not a URL.`, {
      suggestions: ['Write it as http://[USER:PASSWORD@]HOST:PORT.'],
    })
  }
  const unsupported = url.protocol !== 'http:'
  return { url, source, shown: showProxy(url), unsupported }
}

/** A proxy URL fit to print: scheme, user, masked password, host and port. */
export function showProxy(url: URL): string {
  const user = url.username ? `${decodeURIComponent(url.username)}${url.password ? ':***' : ''}@` : ''
  return `${url.protocol}//${user}${url.host}`
}

/** True when NO_PROXY names the target's host (curl: `*`, a host or any domain containing it, an IP or CIDR, an optional port). */
export function bypassed(target: URL, noProxy: string): boolean {
  const host = target.hostname
    .replace(/^\[|\]$/g, '')
    .toLowerCase()
    .replace(/\.$/, '')
  const port = Number(target.port || DEFAULT_PORTS[target.protocol] || 0)
  for (const raw of noProxy.split(/[,\s]+/)) {
    const entry = raw.trim().toLowerCase()
    if (!entry) continue
    if (entry === '*') return true
    const { name, port: only } = splitPort(entry)
    if (only !== undefined && only !== port) continue
    if (matchesIp(host, name) || matchesDomain(host, name)) return true
  }
  return false
}

/** `host:port`, `[v6]:port` or a bare name; a bare IPv6 address keeps its colons. */
function splitPort(entry: string): { name: string; port?: number } {
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(entry)
  if (bracketed) return { name: bracketed[1]!, ...(bracketed[2] ? { port: Number(bracketed[2]) } : {}) }
  const m = /^([^:]+):(\d+)$/.exec(entry)
  return m ? { name: m[1]!, port: Number(m[2]) } : { name: entry }
}

/** `example.com` and `.example.com` both match example.com and every name under it. */
function matchesDomain(host: string, name: string): boolean {
  const domain = name.replace(/^\*?\./, '').replace(/\.$/, '')
  if (!domain || net.isIP(host)) return false
  return host === domain || host.endsWith(`.${domain}`)
}

/** An IP entry matches the same address, or a CIDR range containing it (curl 7.86+). */
function matchesIp(host: string, name: string): boolean {
  const [addr, bitsText] = name.split('/')
  const family = net.isIP(addr ?? '')
  if (!family || net.isIP(host) !== family) return false
  const type = family === 6 ? 'ipv6' : 'ipv4'
  const list = new net.BlockList()
  try {
    if (bitsText === undefined) list.addAddress(addr!, type)
    else list.addSubnet(addr!, Number(bitsText), type)
  } catch {
    return false
  }
  return list.check(host, type)
}

/** Every proxy password the flags and variables hold (raw, decoded, and as Basic credentials): what a report must mask. */
export function proxySecrets(choice: ProxyChoice): string[] {
  const values = [
    choice.url,
    ...Object.values(VARIABLES)
      .flat()
      .map((name) => choice.env?.[name]),
  ]
  const out = new Set<string>()
  for (const value of values) {
    if (!value) continue
    try {
      const url = new URL(value.includes('://') ? value : `http://${value}`)
      if (!url.password) continue
      const user = decodeURIComponent(url.username)
      const password = decodeURIComponent(url.password)
      out
        .add(url.password)
        .add(password)
        .add(Buffer.from(`${user}:${password}`).toString('base64'))
    } catch {
      // An unparseable value is refused where it is used, without showing it.
    }
  }
  return [...out].filter((v) => v.length >= 3)
}
