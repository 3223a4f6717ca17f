// AWS event-stream framing (Transcribe streaming, Bedrock, S3 Select): one binary message per
// WebSocket frame — prelude (total and headers length, CRC32), typed headers, payload, CRC32 of
// the whole. Decoded into a JSON view so pack pointers (`/headers/:exception-type`) reach it.
// https://docs.aws.amazon.com/transcribe/latest/dg/streaming-setting-up.html#streaming-event-stream
import { crc32 } from 'node:zlib'

/** A decoded message: headers by name, and the payload (JSON when it parses, else UTF-8 text). */
export interface EventStreamMessage {
  headers: Record<string, string | number | boolean>
  payload: unknown
}

const PRELUDE = 12
const MAX_MESSAGE = 16 * 1024 * 1024

/** Decodes one message; undefined when the bytes are not a well-formed message (length or CRC). */
export function decodeEventStream(bytes: Buffer): EventStreamMessage | undefined {
  if (bytes.length < PRELUDE + 4) return undefined
  const total = bytes.readUInt32BE(0)
  const headersLength = bytes.readUInt32BE(4)
  if (total !== bytes.length || total > MAX_MESSAGE || PRELUDE + headersLength + 4 > total) return undefined
  if (crc32(bytes.subarray(0, 8)) !== bytes.readUInt32BE(8)) return undefined
  if (crc32(bytes.subarray(0, total - 4)) !== bytes.readUInt32BE(total - 4)) return undefined
  const headers: Record<string, string | number | boolean> = {}
  let at = PRELUDE
  const end = PRELUDE + headersLength
  while (at < end) {
    const nameLength = bytes[at]!
    const name = bytes.subarray(at + 1, at + 1 + nameLength).toString('utf8')
    at += 1 + nameLength
    const type = bytes[at]
    at += 1
    const read = readValue(bytes, at, type)
    if (!read || read.next > end) return undefined
    if (name !== '__proto__') headers[name] = read.value
    at = read.next
  }
  const raw = bytes.subarray(end, total - 4).toString('utf8')
  let payload: unknown = raw
  try {
    payload = raw === '' ? raw : JSON.parse(raw)
  } catch {
    // Not JSON: kept as text (audio events carry bytes, which nobody points into).
  }
  return { headers, payload }
}

/** One header value by its type byte; timestamps as ms, byte arrays and UUIDs as hex. */
function readValue(
  b: Buffer,
  at: number,
  type: number | undefined,
): { value: string | number | boolean; next: number } | undefined {
  switch (type) {
    case 0:
      return { value: true, next: at }
    case 1:
      return { value: false, next: at }
    case 2:
      return { value: b.readInt8(at), next: at + 1 }
    case 3:
      return { value: b.readInt16BE(at), next: at + 2 }
    case 4:
      return { value: b.readInt32BE(at), next: at + 4 }
    case 5:
    case 8:
      return { value: Number(b.readBigInt64BE(at)), next: at + 8 }
    case 6:
    case 7: {
      const length = b.readUInt16BE(at)
      const value = b.subarray(at + 2, at + 2 + length)
      return { value: type === 7 ? value.toString('utf8') : value.toString('hex'), next: at + 2 + length }
    }
    case 9:
      return { value: b.subarray(at, at + 16).toString('hex'), next: at + 16 }
    default:
      return undefined
  }
}

/** Encodes a message with string headers (what the emulator sends); the payload as JSON unless it is a string. */
export function encodeEventStream(message: { headers: Record<string, string>; payload: unknown }): Buffer {
  const headerParts = Object.entries(message.headers).map(([name, value]) => {
    const n = Buffer.from(name, 'utf8')
    const v = Buffer.from(value, 'utf8')
    const head = Buffer.alloc(1 + n.length + 1 + 2)
    head.writeUInt8(n.length, 0)
    n.copy(head, 1)
    head.writeUInt8(7, 1 + n.length)
    head.writeUInt16BE(v.length, 2 + n.length)
    return Buffer.concat([head, v])
  })
  const headers = Buffer.concat(headerParts)
  const payload = Buffer.from(
    typeof message.payload === 'string' ? message.payload : JSON.stringify(message.payload),
    'utf8',
  )
  const total = PRELUDE + headers.length + payload.length + 4
  const prelude = Buffer.alloc(PRELUDE)
  prelude.writeUInt32BE(total, 0)
  prelude.writeUInt32BE(headers.length, 4)
  prelude.writeUInt32BE(crc32(prelude.subarray(0, 8)), 8)
  const body = Buffer.concat([prelude, headers, payload])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body), 0)
  return Buffer.concat([body, crc])
}
