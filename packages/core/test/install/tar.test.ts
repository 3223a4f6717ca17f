// The tar reader: what it accepts, and every hostile entry it refuses, with the exact reason.
import { describe, expect, it } from 'vitest'
import { readTar, TarError } from '../../src/install/tar.js'
import { paxPath, tar, type TarEntry } from './tar-writer.js'

/** The message of the TarError `fn` throws; fails when it throws anything else or nothing. */
function rejection(fn: () => unknown): string {
  try {
    fn()
  } catch (err) {
    if (err instanceof TarError) return err.message
    throw err
  }
  throw new Error('the archive was accepted')
}

const ok: TarEntry = { name: 'package/package.json', data: '{}' }

describe('readTar accepts', () => {
  it('files with ./ and prefix paths normalised, folders skipped, bytes intact', () => {
    const files = readTar(
      tar([
        { name: 'package/', type: '5' },
        { name: './package/pack.json', data: '{"a":1}' },
        { name: 'b.json', prefix: 'package/sub', data: 'x' },
      ]),
    )
    expect(files.map((f) => [f.path, f.data.toString()])).toEqual([
      ['package/pack.json', '{"a":1}'],
      ['package/sub/b.json', 'x'],
    ])
  })

  it('a pax header that sets the next entry path', () => {
    expect(
      readTar(tar([paxPath('package/a-very-long-name.json'), { name: 'short', data: 'y' }])).map(
        (f) => f.path,
      ),
    ).toEqual(['package/a-very-long-name.json'])
  })
})

const REJECTED: [name: string, entries: TarEntry[], message: string][] = [
  [
    'a .. segment',
    [ok, { name: 'package/../../evil.sh', data: 'x' }],
    '"package/../../evil.sh" climbs out of the archive with ".."',
  ],
  ['an absolute path', [{ name: '/etc/cron.d/evil', data: 'x' }], '"/etc/cron.d/evil" is an absolute path'],
  ['a drive letter', [{ name: 'C:/evil', data: 'x' }], '"C:/evil" is an absolute path'],
  [
    'a backslash',
    [{ name: 'package\\..\\evil', data: 'x' }],
    '"package\\\\..\\\\evil" holds a control character or backslash',
  ],
  [
    'a .. in the ustar prefix',
    [{ name: 'evil', prefix: '..', data: 'x' }],
    '"../evil" climbs out of the archive with ".."',
  ],
  [
    'a .. set by a pax header',
    [paxPath('../evil'), { name: 'package/x', data: 'x' }],
    '"../evil" climbs out of the archive with ".."',
  ],
  [
    'a symbolic link',
    [{ name: 'package/pack.json', type: '2', linkname: '/home/me/.ssh/id_rsa' }],
    '"package/pack.json" is a symbolic link; pack archives may hold only files and folders',
  ],
  [
    'a hard link',
    [ok, { name: 'package/pack.json', type: '1', linkname: 'package/package.json' }],
    '"package/pack.json" is a hard link; pack archives may hold only files and folders',
  ],
  [
    'a character device',
    [{ name: 'package/tty', type: '3' }],
    '"package/tty" is a character device; pack archives may hold only files and folders',
  ],
  [
    'a block device',
    [{ name: 'package/sda', type: '4' }],
    '"package/sda" is a block device; pack archives may hold only files and folders',
  ],
  [
    'a FIFO',
    [{ name: 'package/fifo', type: '6' }],
    '"package/fifo" is a FIFO; pack archives may hold only files and folders',
  ],
  [
    'an unknown entry type',
    [{ name: 'package/s', type: 'S' }],
    '"package/s" has entry type "S", which is not a file or folder',
  ],
  [
    'a duplicate path',
    [ok, { name: './package/package.json', data: '{"name":"other"}' }],
    '"./package/package.json" appears twice in the archive',
  ],
]

describe('readTar rejects', () => {
  it.each(REJECTED)('%s', (_name, entries, message) => {
    expect(rejection(() => readTar(tar(entries)))).toBe(message)
  })

  it('a corrupt header checksum', () => {
    const archive = tar([ok])
    archive[0] = 'q'.charCodeAt(0)
    expect(rejection(() => readTar(archive))).toBe(
      'the header at byte 0 fails its checksum; the archive is corrupt',
    )
  })

  it('an entry that claims more bytes than the archive holds', () => {
    const archive = tar([{ name: 'package/a', data: 'x'.repeat(600) }]).subarray(0, 1024)
    expect(rejection(() => readTar(archive))).toBe(
      'an entry at byte 0 claims 600 bytes past the end of the archive',
    )
  })

  it('an archive with no end marker', () => {
    expect(rejection(() => readTar(tar([ok]).subarray(0, 1024)))).toBe(
      'the archive is truncated (no end-of-archive marker)',
    )
  })

  it('more entries than the cap', () => {
    const many = Array.from({ length: 4 }, (_, i) => ({ name: `package/${i}`, data: 'x' }))
    expect(rejection(() => readTar(tar(many), { maxEntries: 3, maxFileBytes: 10 }))).toBe(
      'the archive has more than 3 entries',
    )
  })

  it('a file over the size cap', () => {
    expect(
      rejection(() =>
        readTar(tar([{ name: 'package/big', data: 'x'.repeat(11) }]), { maxEntries: 3, maxFileBytes: 10 }),
      ),
    ).toBe('"package/big" is 11 bytes, over the 10-byte limit')
  })

  it('bytes that are not a tar archive', () => {
    expect(rejection(() => readTar(Buffer.from('not a tarball'.padEnd(512, '!'))))).toBe(
      'the header at byte 0 has no checksum; this is not a tar archive',
    )
  })
})
