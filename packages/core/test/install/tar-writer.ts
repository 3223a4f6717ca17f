// A minimal ustar writer for tests: builds tarballs with exactly the entries a case needs,
// hostile ones included (links, `..`, devices), which npm pack would never produce.
import { gzipSync } from 'node:zlib'

export interface TarEntry {
  name: string
  /** Type flag: '0' file (default), '5' folder, '1' hard link, '2' symlink, '3' char device, 'x' pax header. */
  type?: string
  data?: string | Buffer
  linkname?: string
  /** ustar prefix field (joined to name with '/'). */
  prefix?: string
}

function field(buf: Buffer, offset: number, length: number, value: string): void {
  buf.write(value, offset, Math.min(length, Buffer.byteLength(value)), 'utf8')
}

function octal(n: number, length: number): string {
  return n.toString(8).padStart(length - 1, '0')
}

/** An uncompressed tar archive of the entries, ended by two zero blocks. */
export function tar(entries: TarEntry[]): Buffer {
  const blocks: Buffer[] = []
  for (const e of entries) {
    const data = typeof e.data === 'string' ? Buffer.from(e.data) : (e.data ?? Buffer.alloc(0))
    const h = Buffer.alloc(512)
    field(h, 0, 100, e.name)
    field(h, 100, 8, octal(0o644, 8))
    field(h, 108, 8, octal(0, 8))
    field(h, 116, 8, octal(0, 8))
    field(h, 124, 12, octal(data.length, 12))
    field(h, 136, 12, octal(0, 12))
    h.fill(0x20, 148, 156)
    field(h, 156, 1, e.type ?? '0')
    field(h, 157, 100, e.linkname ?? '')
    field(h, 257, 6, 'ustar\0')
    field(h, 263, 2, '00')
    field(h, 345, 155, e.prefix ?? '')
    let sum = 0
    for (const b of h) sum += b
    field(h, 148, 8, octal(sum, 7) + '\0')
    blocks.push(h, data, Buffer.alloc((512 - (data.length % 512)) % 512))
  }
  blocks.push(Buffer.alloc(1024))
  return Buffer.concat(blocks)
}

/** A gzipped tarball of the entries. */
export function tgz(entries: TarEntry[]): Buffer {
  return gzipSync(tar(entries))
}

/** A pax extended header entry setting `path` for the next entry. */
export function paxPath(path: string): TarEntry {
  const body = (len: number) => `${len} path=${path}\n`
  let len = body(0).length
  while (body(len).length !== len) len = body(len).length
  return { name: 'PaxHeader', type: 'x', data: body(len) }
}
