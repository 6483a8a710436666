// The one path for text that a server (or anything outside the process) provided, before it
// goes into an error, a log line, JSON or a terminal: redact secrets first, then strip control
// characters and escape sequences, then cut. In that order: a cut before redaction leaves most
// of a long token; a cut before stripping can split an escape sequence into printable debris.
import { redact } from './redact.js';

/** How much server text an error keeps by default. */
export const SERVER_TEXT_MAX = 2048;
export const CUT_MARK = '…[cut]';

// ESC-introduced sequences: CSI (colours, cursor moves), OSC (window titles, hyperlinks) ended by
// BEL or ST, DCS/SOS/PM/APC strings, and the two-byte forms.
const ESCAPES =
  // eslint-disable-next-line no-control-regex
  /\u001b(?:\[[0-?]*[ -/]*[@-~]?|\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|[PX^_][^\u001b]*(?:\u001b\\)?|[ -/]*[0-~]?)|\u009b[0-?]*[ -/]*[@-~]?|\u009d[^\u0007\u009c]*[\u0007\u009c]?/g;
// C0 and C1 controls, DEL, and the line and paragraph separators: each would break or move a line.
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;
// Unicode format characters (Cf): invisible ones (zero-width space and joiners, word joiner, BOM,
// soft hyphen, tag characters) and every direction mark, override and isolate. They show nothing,
// or reorder what is shown, so they are removed, not replaced.
const FORMAT = /\p{Cf}/gu;

/** Removes escape sequences and format characters; replaces control characters (line breaks too) by a space. */
export function stripControls(text: string): string {
  return text.replace(ESCAPES, '').replace(FORMAT, '').replace(CONTROLS, ' ');
}

/** Cuts to at most `max` code points (never inside a surrogate pair), marking the cut. */
export function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const points = Array.from(text);
  if (points.length <= max) return text;
  return `${points.slice(0, Math.max(0, max - CUT_MARK.length)).join('')}${CUT_MARK}`;
}

/** Server-provided text made safe to keep, print or serialise. */
export function serverText(text: string, secrets: readonly string[], max: number = SERVER_TEXT_MAX): string {
  return cut(stripControls(redact(text, secrets)), max);
}

/** The same for text that may hold line breaks on purpose (a multi-line message): keeps \n. */
export function serverLines(text: string, secrets: readonly string[], max: number = SERVER_TEXT_MAX): string {
  return cut(redact(text, secrets).split('\n').map(stripControls).join('\n'), max);
}
