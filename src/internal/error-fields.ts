// error_code, error_msg and error_detail of an error body, also when the body was cut at the read
// limit (and so is no longer JSON): the fields are then taken from the part that was read.
export interface ErrorFields {
  object: Record<string, unknown> | undefined;
  errorCode: string | undefined;
  errorMsg: string | undefined;
  errorDetail: string | undefined;
}

const NAMES = { errorCode: 'error_code', errorMsg: 'error_msg', errorDetail: 'error_detail' } as const;

/** A top-level-looking `"name": "value"` in text that is not (or no longer) whole JSON. */
function fromText(text: string, name: string): string | undefined {
  const match = new RegExp(`"${name}"\\s*:\\s*("(?:[^"\\\\]|\\\\.)*")`).exec(text);
  if (!match) return undefined;
  try {
    return JSON.parse(match[1]!) as string;
  } catch {
    return undefined;
  }
}

export function errorFieldsOf(parsed: unknown): ErrorFields {
  const object =
    typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : undefined;
  const text = typeof parsed === 'string' ? parsed : undefined;
  const field = (name: string, structured = false): string | undefined => {
    if (object) {
      const value = object[name];
      if (typeof value === 'string') return value;
      // error_detail may be an object or a list (a gateway's per-field reasons): kept as JSON text.
      return structured && value !== undefined && value !== null ? JSON.stringify(value) : undefined;
    }
    return text === undefined ? undefined : fromText(text, name);
  };
  return {
    object,
    errorCode: field(NAMES.errorCode),
    errorMsg: field(NAMES.errorMsg),
    errorDetail: field(NAMES.errorDetail, true),
  };
}

/** The fields of raw body text: JSON when it parses, else what the read part shows. */
export function errorFieldsOfText(text: string): ErrorFields {
  try {
    return errorFieldsOf(JSON.parse(text));
  } catch {
    return errorFieldsOf(text);
  }
}
