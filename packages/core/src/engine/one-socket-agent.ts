// An HTTP agent that hands out one socket, already opened (and tunnelled, and TLS-verified) by
// socket.ts: got then speaks HTTP over the run's one connection instead of dialling its own.
import http from 'node:http'
import type net from 'node:net'

export function oneSocketAgent(socket: net.Socket, protocol: string): http.Agent {
  const agent = new http.Agent({ keepAlive: false, maxSockets: 1 })
  // Node checks the agent's protocol against the URL's; the socket is already TLS for https:.
  ;(agent as http.Agent & { protocol: string }).protocol = protocol
  agent.createConnection = () => socket
  return agent
}
