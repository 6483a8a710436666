// Content decoding for the node sender, as fetch does it: gzip (x-gzip), deflate (zlib-wrapped or
// raw, as servers send both) and br, several codings undone in reverse order; a response with a
// coding nobody knows is passed on as it came. Lenient flushing, like undici, so a body cut short
// by the server gives what was decoded rather than an error.
import type { NodeTransform, NodeZlibModule } from './node-builtins.js';

// Asked for as the official SDK (python-requests) asks; br is still decoded when a server sends it.
export const ACCEPT_ENCODING = 'gzip, deflate';

/** Where bytes go: the next decoder, or the body reader. */
export interface ByteSink {
  data(chunk: Uint8Array): void;
  end(): void;
  error(error: Error): void;
  /** Stops all work upstream of the reader (a limit was reached, or the attempt ended). */
  destroy(): void;
}

/** Makes the decoder for a coding once its first bytes are seen (deflate comes in two forms). */
type DecoderFactory = (first: Uint8Array | undefined) => NodeTransform;

function factoryFor(coding: string, zlib: NodeZlibModule): DecoderFactory | undefined {
  const sync = { flush: zlib.constants['Z_SYNC_FLUSH'], finishFlush: zlib.constants['Z_SYNC_FLUSH'] };
  switch (coding) {
    case 'gzip':
    case 'x-gzip':
      return () => zlib.createGunzip(sync);
    case 'deflate':
      // RFC 9110's deflate is zlib-wrapped (a first byte of 0x?8), but raw deflate is common.
      return (first) => (first && (first[0]! & 0x0f) === 0x08 ? zlib.createInflate(sync) : zlib.createInflateRaw(sync));
    case 'br': {
      const flush = zlib.constants['BROTLI_OPERATION_FLUSH'];
      return () => zlib.createBrotliDecompress({ flush, finishFlush: flush });
    }
    default:
      return undefined;
  }
}

/** A sink that decodes one coding and passes the result to `next`. */
function decodingSink(make: DecoderFactory, next: ByteSink): ByteSink {
  let decoder: NodeTransform | undefined;
  let stopped = false;
  const start = (first: Uint8Array | undefined): NodeTransform => {
    const made = make(first);
    made.on('data', (chunk) => next.data(chunk));
    made.on('end', () => next.end());
    made.on('error', (error) => next.error(error));
    decoder = made;
    return made;
  };
  return {
    data(chunk) {
      if (!stopped) (decoder ?? start(chunk)).write(chunk);
    },
    end() {
      if (!stopped) (decoder ?? start(undefined)).end();
    },
    error(error) {
      next.error(error);
    },
    destroy() {
      stopped = true;
      decoder?.destroy();
      next.destroy();
    },
  };
}

/**
 * The sink to write a response body into so that `reader` receives it decoded; `reader` itself
 * when the body has no coding, or one this sender does not know (then it is passed on as is).
 */
export function decodingPipeline(
  contentEncoding: string | undefined,
  zlib: NodeZlibModule,
  reader: ByteSink,
): ByteSink {
  if (!contentEncoding) return reader;
  const codings = contentEncoding
    .toLowerCase()
    .split(',')
    .map((c) => c.trim())
    .filter((c) => c !== '' && c !== 'identity');
  const factories: DecoderFactory[] = [];
  for (const coding of codings) {
    const factory = factoryFor(coding, zlib);
    if (!factory) return reader;
    factories.push(factory);
  }
  // The last coding applied is undone first.
  let sink = reader;
  for (const factory of factories) sink = decodingSink(factory, sink);
  return sink;
}
