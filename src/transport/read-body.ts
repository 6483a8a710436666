// Reads a response body to the end (inside the attempt's timeout, so a stalled or slow body
// cannot hang the caller), with a ceiling on what is kept.

export interface ReadResult {
  bytes: Uint8Array;
  truncated: boolean;
}

export class ResponseTooLargeError extends Error {
  override name = 'ResponseTooLargeError';
}

export async function readBody(response: Response, limit: number, truncate: boolean): Promise<ReadResult> {
  if (!response.body) return { bytes: new Uint8Array(0), truncated: false };
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  let truncated = false;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (total + value.byteLength > limit) {
      // Stop reading: the rest of a huge body is never downloaded.
      await reader.cancel().catch(() => undefined);
      if (!truncate) throw new ResponseTooLargeError(`response body is larger than ${limit} bytes`);
      chunks.push(value.subarray(0, limit - total));
      total = limit;
      truncated = true;
      break;
    }
    chunks.push(value);
    total += value.byteLength;
  }
  if (chunks.length === 1 && chunks[0]) return { bytes: chunks[0], truncated };
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { bytes, truncated };
}
