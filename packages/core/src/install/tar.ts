// A strict, size-capped reader for the tar archives inside npm tarballs. It never writes to disk:
// it indexes regular files in memory and rejects the whole archive at the first entry that could
// escape or surprise an extractor (`..`, absolute paths, links, devices, duplicates).

/** Caps that make a hostile archive cheap to reject. */
export interface TarLimits {
  /** Most entries (headers) the archive may hold. */
  maxEntries: number
  /** Largest single file, in bytes. */
  maxFileBytes: number
}

export const DEFAULT_TAR_LIMITS: TarLimits = { maxEntries: 2000, maxFileBytes: 8 * 1024 * 1024 }

/** A regular file of the archive: its normalised path and its bytes (a view into the archive). */
export interface TarFile {
  path: string
  data: Buffer
}

/** Why an archive was rejected; `entry` names the offending entry when there is one. */
export class TarError extends Error {
  constructor(
    message: string,
    readonly entry?: string,
  ) {
    super(message)
    this.name = 'TarError'
  }
}

const BLOCK = 512

/** Type flags of entries that are plain data; everything else (links, devices, FIFOs, unknown) is refused. */
const FILE_TYPES = new Set(['0', '\0', '7'])
const DIR_TYPE = '5'
const PAX_LOCAL = 'x'
const PAX_GLOBAL = 'g'
const GNU_LONG_NAME = 'L'
const REFUSED: Record<string, string> = {
  '1': 'a hard link',
  '2': 'a symbolic link',
  '3': 'a character device',
  '4': 'a block device',
  '6': 'a FIFO',
  K: 'a GNU long link name',
}

/**
 * Reads every regular file of an uncompressed tar archive. Throws {@link TarError} for a malformed
 * header, a bad checksum, a truncated entry, an unsafe path, a link or device, a duplicate path, or
 * an archive over the caps. Directories are checked and skipped.
 */
export function readTar(archive: Buffer, limits: TarLimits = DEFAULT_TAR_LIMITS): TarFile[] {
  const files: TarFile[] = []
  const seen = new Set<string>()
  let offset = 0
  let entries = 0
  let longName: string | undefined
  let paxPath: string | undefined
  let paxSize: number | undefined
  while (offset + BLOCK <= archive.length) {
    const header = archive.subarray(offset, offset + BLOCK)
    if (header.every((b) => b === 0)) return files // end-of-archive marker
    if (++entries > limits.maxEntries)
      throw new TarError(`the archive has more than ${limits.maxEntries} entries`)
    checkChecksum(header, offset)
    const type = String.fromCharCode(header[156]!)
    const size = paxSize ?? readSize(header.subarray(124, 136), offset)
    const dataStart = offset + BLOCK
    const dataEnd = dataStart + size
    if (dataEnd > archive.length)
      throw new TarError(`an entry at byte ${offset} claims ${size} bytes past the end of the archive`)
    const rawName = longName ?? paxPath ?? headerName(header)
    longName = paxPath = paxSize = undefined
    offset = dataStart + Math.ceil(size / BLOCK) * BLOCK

    if (type === PAX_LOCAL || type === PAX_GLOBAL || type === GNU_LONG_NAME) {
      if (size > 64 * 1024)
        throw new TarError(`an extended header of ${size} bytes is over the 65536-byte limit`)
      const body = archive.subarray(dataStart, dataEnd)
      if (type === GNU_LONG_NAME) longName = cString(body)
      else if (type === PAX_LOCAL) ({ path: paxPath, size: paxSize } = readPax(body))
      // Global headers set defaults apidx does not use (owner, times); a global `path` is refused.
      else if (readPax(body).path !== undefined) throw new TarError('a global extended header sets a path')
      continue
    }
    const name = safePath(rawName)
    if (REFUSED[type])
      throw new TarError(
        `"${rawName}" is ${REFUSED[type]}; pack archives may hold only files and folders`,
        rawName,
      )
    if (type === DIR_TYPE) continue
    if (!FILE_TYPES.has(type))
      throw new TarError(`"${rawName}" has entry type "${type}", which is not a file or folder`, rawName)
    if (size > limits.maxFileBytes)
      throw new TarError(`"${rawName}" is ${size} bytes, over the ${limits.maxFileBytes}-byte limit`, rawName)
    if (seen.has(name)) throw new TarError(`"${rawName}" appears twice in the archive`, rawName)
    seen.add(name)
    files.push({ path: name, data: archive.subarray(dataStart, dataEnd) })
  }
  // Only the zero block returns: an archive that just stops may have been cut short.
  throw new TarError('the archive is truncated (no end-of-archive marker)')
}

/**
 * Normalises an entry path and refuses any that could land outside the extraction folder:
 * absolute paths, drive letters, backslashes, `..` segments, NUL and control characters.
 */
export function safePath(raw: string): string {
  if (!raw) throw new TarError('an entry has an empty name')
  if (/[\0-\x1f\\]/.test(raw))
    throw new TarError(`"${JSON.stringify(raw).slice(1, -1)}" holds a control character or backslash`, raw)
  if (raw.startsWith('/') || /^[A-Za-z]:/.test(raw)) throw new TarError(`"${raw}" is an absolute path`, raw)
  const parts = raw.split('/').filter((p) => p !== '' && p !== '.')
  if (parts.includes('..')) throw new TarError(`"${raw}" climbs out of the archive with ".."`, raw)
  if (!parts.length) throw new TarError(`"${raw}" names no file`, raw)
  return parts.join('/')
}

/** The name of a ustar header: `prefix/name` when the prefix field is used. */
function headerName(header: Buffer): string {
  const name = cString(header.subarray(0, 100))
  const ustar = header.subarray(257, 262).toString('latin1') === 'ustar'
  const prefix = ustar ? cString(header.subarray(345, 500)) : ''
  return prefix ? `${prefix}/${name}` : name
}

function cString(field: Buffer): string {
  const end = field.indexOf(0)
  return field.subarray(0, end === -1 ? field.length : end).toString('utf8')
}

/** Sizes are octal text, or base-256 when the high bit is set (GNU, for files over 8 GiB: refused). */
function readSize(field: Buffer, at: number): number {
  if (field[0]! & 0x80) throw new TarError(`the entry at byte ${at} uses a base-256 size (a file over 8 GiB)`)
  const text = cString(field).trim()
  if (!/^[0-7]*$/.test(text)) throw new TarError(`the entry at byte ${at} has a malformed size field`)
  return text ? parseInt(text, 8) : 0
}

function checkChecksum(header: Buffer, at: number): void {
  const stored = cString(header.subarray(148, 156)).trim()
  if (!/^[0-7]+$/.test(stored))
    throw new TarError(`the header at byte ${at} has no checksum; this is not a tar archive`)
  let sum = 0
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : header[i]!
  if (sum !== parseInt(stored, 8))
    throw new TarError(`the header at byte ${at} fails its checksum; the archive is corrupt`)
}

/** Reads the `path` and `size` records of a pax extended header (`<len> <key>=<value>\n` records). */
function readPax(body: Buffer): { path?: string; size?: number } {
  const out: { path?: string; size?: number } = {}
  let i = 0
  while (i < body.length && body[i] !== 0) {
    const space = body.indexOf(0x20, i)
    const len = space === -1 ? NaN : Number(body.subarray(i, space).toString('latin1'))
    if (!Number.isInteger(len) || len <= 0 || i + len > body.length)
      throw new TarError('a pax extended header is malformed')
    const record = body.subarray(space + 1, i + len - 1).toString('utf8')
    const eq = record.indexOf('=')
    const key = record.slice(0, eq)
    const value = record.slice(eq + 1)
    if (key === 'path') out.path = value
    else if (key === 'size') {
      if (!/^[0-9]{1,15}$/.test(value)) throw new TarError('a pax extended header has a malformed size')
      out.size = Number(value)
    } else if (key === 'linkpath')
      throw new TarError(`a pax extended header names a link target ("${value}")`)
    i += len
  }
  return out
}
