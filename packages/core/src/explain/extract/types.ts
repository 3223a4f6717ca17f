// What the extraction step finds in pasted text: candidate codes, messages, statuses, request ids,
// hosts and SDK or exception names, each with the form (recogniser) that found it.

/** What a field's value is. */
export type FieldRole = 'code' | 'message' | 'status' | 'requestId' | 'host'

/** One thing a recogniser found. */
export interface Found {
  kind: FieldRole | 'name'
  value: string
  /** For a code: 3 the vendor's own code field or a fixed SDK form, 2 an exception name, 1 a bare code-shaped word. */
  weight?: number
  /** The id of the recogniser (a form in FORMS, or `json`, `fields`). */
  form: string
}

/** Everything extracted from one input, deduplicated, in the order found. */
export interface Extracted {
  /** Codes, strongest first. */
  codes: { value: string; weight: number; form: string }[]
  messages: string[]
  statuses: number[]
  requestIds: string[]
  hosts: string[]
  /** The objects read from the text (JSON, dict reprs, object literals, JSON in strings). */
  objects: unknown[]
  /** The text as pasted and, when it differs, with escapes and entities undone. */
  views: string[]
  /** Ids of the forms that recognised something. */
  forms: string[]
}
