// Node's http, https and zlib modules, taken from the runtime at call time through
// getBuiltinModule of the global process object (Node 20.16+), not an import: the client entry keeps no `node:`
// import, so it still bundles for browsers, and on Node it can still use Node's own HTTP stack.
// Only the few members the node sender uses are described here, structurally, so that the
// client's type declarations need no @types/node either.

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

interface RuntimeProcess {
  getBuiltinModule?: (id: string) => unknown;
  versions?: Record<string, string | undefined>;
}

const runtimeProcess = (): RuntimeProcess | undefined => (globalThis as { process?: RuntimeProcess }).process;

/** Node's HTTP modules where the runtime hands them out without an import; undefined elsewhere. */
export function nodeBuiltins(): NodeBuiltins | undefined {
  const load = runtimeProcess()?.getBuiltinModule;
  if (typeof load !== 'function') return undefined;
  const http = load('node:http') as NodeHttpModule | undefined;
  const https = load('node:https') as NodeHttpModule | undefined;
  const zlib = load('node:zlib') as NodeZlibModule | undefined;
  return http && https && zlib ? { http, https, zlib } : undefined;
}

/**
 * Node itself: not Deno or Bun, nor an edge runtime with Node compatibility (Cloudflare's), which
 * offer getBuiltinModule and a Node version too but whose fetch is their own best path.
 * Node 21+ says so in navigator.userAgent; Node 20 has no navigator at all.
 */
export function isNode(): boolean {
  const versions = runtimeProcess()?.versions;
  if (typeof versions?.['node'] !== 'string' || versions['deno'] !== undefined || versions['bun'] !== undefined)
    return false;
  const agent = (globalThis as { navigator?: { userAgent?: unknown } }).navigator?.userAgent;
  return agent === undefined || (typeof agent === 'string' && agent.startsWith('Node.js'));
}
