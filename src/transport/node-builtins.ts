// Node's http, https and zlib modules, taken from the runtime at call time through
// getBuiltinModule of the global process object (Node 20.16+), not an import: the client entry keeps no `node:`
// import, so it still bundles for browsers, and on Node it can still use Node's own HTTP stack.
// Only the few members the node sender uses are described here, structurally, so that the
// client's type declarations need no @types/node either.
import { builtinModule } from '../internal/runtime.js';

export interface NodeReadable {
  on(event: 'data', listener: (chunk: Uint8Array) => void): this;
  on(event: 'end' | 'close' | 'aborted', listener: () => void): this;
  on(event: 'error', listener: (error: Error) => void): this;
  destroy(error?: Error): void;
}

export interface NodeTransform extends NodeReadable {
  write(chunk: Uint8Array): boolean;
  end(): void;
}

export interface NodeIncomingMessage extends NodeReadable {
  statusCode?: number | undefined;
  statusMessage?: string | undefined;
  rawHeaders: string[];
  headers: Record<string, string | string[] | undefined>;
}

export interface NodeClientRequest {
  on(event: 'error', listener: (error: Error) => void): this;
  end(body?: Uint8Array): void;
  destroy(error?: Error): void;
}

export interface NodeRequestOptions {
  method: string;
  protocol: string;
  hostname: string;
  port: string | undefined;
  path: string;
  headers: Record<string, string>;
  agent: unknown;
  signal: AbortSignal;
}

export interface NodeHttpModule {
  Agent: new (options: { keepAlive: boolean; maxSockets: number }) => unknown;
  request(options: NodeRequestOptions, callback: (res: NodeIncomingMessage) => void): NodeClientRequest;
}

export interface NodeZlibModule {
  constants: Record<string, number>;
  createGunzip(options?: object): NodeTransform;
  createInflate(options?: object): NodeTransform;
  createInflateRaw(options?: object): NodeTransform;
  createBrotliDecompress(options?: object): NodeTransform;
}

export interface NodeBuiltins {
  http: NodeHttpModule;
  https: NodeHttpModule;
  zlib: NodeZlibModule;
}

/** Node's HTTP modules where the runtime hands them out without an import; undefined elsewhere. */
export function nodeBuiltins(): NodeBuiltins | undefined {
  const http = builtinModule<NodeHttpModule>('node:http');
  const https = builtinModule<NodeHttpModule>('node:https');
  const zlib = builtinModule<NodeZlibModule>('node:zlib');
  return http && https && zlib ? { http, https, zlib } : undefined;
}
