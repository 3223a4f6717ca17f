// The one sanitiser for text that came off the wire (close reasons, headers, bodies, session ids):
// applied once, when the report is built (DESIGN §8, STYLE habit 12), so no renderer needs its own.
import { stripVTControlCharacters } from 'node:util'

/** C0 and C1 control characters, DEL, and the Unicode line and paragraph separators. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g

/**
 * Text safe for any terminal: escape sequences (CSI, OSC, …) removed whole, then every other control
 * character replaced by a space, so a server can neither drive the terminal nor forge a line.
 */
export function sanitizeText(text: string): string {
  return stripVTControlCharacters(text).replace(CONTROL, ' ')
}
