// Narrowing oneOf/anyOf errors to the branch a value meant, on a schema of its own (not apidx's).
import { Ajv, type ErrorObject } from 'ajv'
import { describe, expect, it } from 'vitest'
import { BranchNarrower } from './branches.js'

const schema = {
  $id: 'shapes.json',
  type: 'object',
  properties: {
    items: { type: 'array', items: { $ref: '#/definitions/shape' } },
    size: { anyOf: [{ type: 'integer' }, { type: 'string', maxLength: 3 }] },
  },
  definitions: {
    shape: { oneOf: [{ $ref: '#/definitions/circle' }, { $ref: '#/definitions/square' }] },
    circle: {
      type: 'object',
      additionalProperties: false,
      required: ['kind', 'radius'],
      properties: { kind: { const: 'circle' }, radius: { type: 'number', description: 'The radius.' } },
    },
    square: {
      type: 'object',
      additionalProperties: false,
      required: ['kind', 'side'],
      properties: {
        kind: { const: 'square' },
        side: { type: 'number' },
        fill: { oneOf: [{ type: 'string' }, { type: 'object', required: ['r'] }] },
      },
    },
  },
}

function errors(value: unknown): string[] {
  const ajv = new Ajv({ allErrors: true, verbose: true, strict: false })
  const validate = ajv.compile(schema)
  expect(validate(value)).toBe(false)
  const narrowed = new BranchNarrower(ajv, { 'shapes.json': schema }).narrow([
    ...(validate.errors as ErrorObject[]),
  ])
  return narrowed.map((e) => `${e.instancePath} ${e.keyword} ${JSON.stringify(e.params)}`)
}

describe('BranchNarrower', () => {
  it('keeps only the errors of the branch the discriminator names', () => {
    expect(errors({ items: [{ kind: 'circle' }, { kind: 'square', side: 'x' }] })).toEqual([
      '/items/0 required {"missingProperty":"radius"}',
      '/items/1/side type {"type":"number"}',
    ])
  })

  it('names the allowed values of an unknown discriminator, and a missing one', () => {
    expect(errors({ items: [{ kind: 'hexagon' }, { radius: 1 }] })).toEqual([
      '/items/0/kind enum {"allowedValues":["circle","square"]}',
      '/items/1 required {"missingProperty":"kind"}',
    ])
  })

  it('narrows nested oneOfs, and picks the branch with the fewest errors when nothing discriminates', () => {
    expect(errors({ items: [{ kind: 'square', side: 1, fill: {} }], size: 'large' })).toEqual([
      '/items/0/fill required {"missingProperty":"r"}',
      '/size maxLength {"limit":3}',
    ])
  })

  it('follows one $ref for a description', () => {
    const ajv = new Ajv({ strict: false })
    ajv.compile(schema)
    const n = new BranchNarrower(ajv, { 'shapes.json': schema })
    expect(n.describe({ description: 'own' })).toBe('own')
    expect(n.describe(schema.definitions.shape.oneOf[0])).toBe('')
    expect(n.describe(schema.definitions.circle.properties.radius)).toBe('The radius.')
  })
})
