// apidx scaffold's files and header, in-process: what each language writes, the header's facts from
// the pack (a legacy version names its successor), and no clobbering of an existing file.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadPack } from '@apidx/core'
import { scaffold, scaffoldHeader } from '../src/scaffold/index.js'
import { writeScaffold } from '../src/scaffold/write.js'

describe('apidx scaffold', () => {
  it('writes one dependency-free Python script that starts with the header', async () => {
    const { pack } = await loadPack('iflytek')
    const files = scaffold(pack, { service: 'iat', lang: 'python' })
    expect(files.map((f) => f.path)).toEqual(['check.py'])
    const text = files[0]!.content
    expect(text.split('\n')[0]).toBe('#!/usr/bin/env python3')
    expect(text).toContain('# apidx: iflytek iat v2')
    expect(text).toContain('# Docs:     https://www.xfyun.cn/doc/asr/voicedictation/API.html')
    expect(text).toContain('# Endpoint: wss://iat-api.xfyun.cn/v2/iat')
    // The signing is written out, step by step, in the script itself.
    expect(text).toContain('v["signature"] = digest_out(hmac.new(as_bytes(cred["apiSecret"])')
  })

  it('writes a JavaScript script with a package.json naming apidx and ws for a WebSocket service', async () => {
    const { pack } = await loadPack('iflytek')
    const files = scaffold(pack, { service: 'tts', lang: 'js' })
    expect(files.map((f) => f.path)).toEqual(['check.mjs', 'package.json'])
    expect(files[0]!.content).toContain("import { sign } from 'apidx'")
    expect(JSON.parse(files[1]!.content).dependencies).toEqual({ apidx: '^0.1.0', ws: '^8.18.3' })
  })

  it('prints a header naming the successor of a legacy version', async () => {
    const { pack } = await loadPack('iflytek')
    const header = scaffoldHeader(pack, { service: 'rtasr', lang: 'js' })
    expect(header).toContain('// apidx: iflytek rtasr v1')
    expect(header).toContain('// Status:   legacy; use rtasr_llm v1')
  })

  it('refuses to overwrite an existing file unless forced', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'apidx-scaffold-write-'))
    await writeFile(join(dir, 'check.py'), 'mine')
    const files = [{ path: 'check.py', content: 'generated' }]
    await expect(writeScaffold(dir, files)).rejects.toThrow(/already exists/)
    expect(await readFile(join(dir, 'check.py'), 'utf8')).toBe('mine')
    await writeScaffold(dir, files, true)
    expect(await readFile(join(dir, 'check.py'), 'utf8')).toBe('generated')
  })
})
