// The shape of an `apidx explain` answer: the one JSON document `--json` prints, and what the renderer reads.
import type { Confidence, Retry } from '../generated/index.js'

/** What the input was recognised as. */
export type ExplainKind = 'vendor-code' | 'http-status' | 'error-body' | 'symptom' | 'ws-close'

/** One likely cause, most likely first (`rank` 1). */
export interface RankedCause {
  /** 1 for the most likely cause. */
  rank: number
  /** The cause, in one sentence. */
  text: string
  /** Id in the generic cause catalogue (`ip-whitelist`, `timestamp`…), absent for a pack's own sentence. */
  id?: string
  /** `pack` when the sentence is the pack's; `generic` when it comes from apidx's built-in catalogue. */
  source: 'pack' | 'generic'
  /** Why it is ranked where it is, when the input itself points at it (e.g. the body says `illegal client_ip`). */
  evidence?: string
}

/** One explanation from a provider pack: an error-table entry or a handshake rule. */
export interface ExplainMatch {
  /** Pack id (`iflytek`). */
  provider: string
  /** The vendor's display name. */
  providerName: string
  /** Service id, absent for a pack-wide handshake rule. */
  service?: string
  serviceTitle?: string
  /** Version id, when the entry comes from a version's own table or rules. */
  version?: string
  /** The vendor error code, for an error-table entry. */
  code?: string
  /** The code as the input wrote it, when it was explained by a related entry (`Throttling.User` by `Throttling`). */
  inputCode?: string
  /** The HTTP status, for a handshake rule. */
  status?: number
  /** Where the entry comes from. */
  via: 'error-table' | 'handshake-rule'
  meaning: string
  /** The vendor's own text for the code, verbatim, from the pack. */
  vendorText?: string
  /** For one of a code's meanings told apart by message: the fragment of the message that selects it. */
  messageContains?: string
  /** The message the input carried (masked), when the input was an error body. */
  observedText?: string
  /** Likely causes, ranked. */
  causes: RankedCause[]
  /** The pack's cause sentence, verbatim. */
  cause?: string
  fix: string
  /** The doc page the entry comes from (its `source`). */
  docs: string
  /** The finding code `apidx check` reports for it (`vendor/error` when the pack names none). */
  diagnosis: string
  retryable?: boolean
  /** Whether the same request can succeed if sent again (the report's `retry`, docs/findings.md#retry). */
  retry: Retry
  confidence?: Confidence
  /** True for the service the user named with --service. */
  preferred?: boolean
}

/** An entry of the built-in HTTP status or WebSocket close-code table. */
export interface GenericCode {
  code: number
  name: string
  meaning: string
}

/** What apidx knows without any pack: the status or close code's meaning and the symptom's usual causes. */
export interface GenericExplanation {
  httpStatus?: GenericCode
  wsClose?: GenericCode
  /** The symptom the input maps to (`timeout`, `parse-error`, `auth-rejected`…). */
  symptom?: { id: string; name: string }
  causes: RankedCause[]
}

/** A pointer for an input nothing explains: a close code, or a service whose table has the same family. */
export interface ExplainSuggestion {
  provider?: string
  service?: string
  code?: string
  meaning?: string
  /** Why it is suggested, e.g. `numerically close` or `same family (101xx)`. */
  reason: string
}

/** The one answer apidx stands behind: the first pack match, or the generic symptom when no pack explains it. */
export interface BestAnswer {
  /** The finding code `apidx check` would report. */
  diagnosis: string
  source: 'pack' | 'generic'
  provider?: string
  service?: string
  code?: string
  /** Why this answer and this vendor, in words (the evidence the text holds). */
  why: string[]
}

/** The evidence the input holds for one vendor (explain without --provider). */
export interface VendorScore {
  provider: string
  score: number
  evidence: string[]
}

/** What the extraction step read from the input (codes, statuses, request ids) and with which forms. */
export interface Recognised {
  forms: string[]
  codes: string[]
  statuses: number[]
  requestIds: string[]
}

/** The answer to `apidx explain <input>`. */
export interface Explanation {
  /** The input as understood, secrets masked, cut to 500 characters. */
  input: string
  kind: ExplainKind
  /** True when a pack entry or a generic table explains the input; the CLI exits 1 otherwise. */
  found: boolean
  /** The pack every match comes from, when they all agree. */
  provider?: string
  /** The service every match comes from, when they all agree. */
  service?: string
  /** Pack entries, the user's --service first. */
  matches: ExplainMatch[]
  generic?: GenericExplanation
  suggestions?: ExplainSuggestion[]
  /** Remarks on the input itself (cut, unparsable JSON…). */
  notes?: string[]
  /** The first answer and why it was chosen. */
  best?: BestAnswer
  /** Vendors the input points at, best first (explain without --provider). */
  vendors?: VendorScore[]
  /** What was read from pasted text. */
  recognised?: Recognised
}
