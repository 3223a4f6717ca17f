// Proxies: which one a request uses (curl's rules).
export {
  chooseProxy,
  parseProxy,
  showProxy,
  bypassed,
  proxySecrets,
  type ProxyChoice,
  type ChosenProxy,
} from './choose.js'
