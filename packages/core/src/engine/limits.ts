// Size caps: a hostile or broken server cannot exhaust apidx (DESIGN §8).

/** Largest HTTP body (or rejected-upgrade body) read, in bytes; the rest is dropped. */
export const MAX_BODY_BYTES = 64 * 1024
/** Largest single WebSocket frame accepted, in bytes (ws closes with 1009 above it). */
export const MAX_FRAME_BYTES = 1024 * 1024
/** Most frames kept from one session. */
export const MAX_FRAMES = 50
/** Longest excerpt of a body or frame put into a finding. */
export const EXCERPT_CHARS = 300

/** Cuts text to `max` characters, marking the cut. */
export function excerpt(text: string, max = EXCERPT_CHARS): string {
  return text.length <= max ? text : `${text.slice(0, max)}… (${text.length - max} more characters)`
}
