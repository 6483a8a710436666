// The one module that looks at the runtime (no other file reads globalThis.process): what it
// offers without a `node:` import, so the client entry stays browser-safe: the environment and
// Node's built-in modules where a `process` global hands them out (Node 20.16+, Deno, Bun);
// nothing in browsers.

export type Env = Readonly<Record<string, string | undefined>>;

interface RuntimeProcess {
  env?: Env;
  getBuiltinModule?: (id: string) => unknown;
  versions?: Record<string, string | undefined>;
  platform?: string;
  arch?: string;
}

function runtime(): RuntimeProcess | undefined {
  return (globalThis as { process?: RuntimeProcess }).process;
}

/** The environment variables, or none (browsers). */
export function runtimeEnv(): Env {
  return runtime()?.env ?? {};
}

/** A built-in module (`node:fs`, `node:os`) where the runtime offers it; undefined in browsers. */
export function builtinModule<T>(id: string): T | undefined {
  return runtime()?.getBuiltinModule?.(id) as T | undefined;
}

/**
 * Whether the runtime hands out built-in modules at all, asked without loading one: loading
 * node:http, node:https and node:zlib costs a few milliseconds of a client's creation, and they are
 * needed only at the first request.
 */
export function offersBuiltinModules(): boolean {
  return typeof runtime()?.getBuiltinModule === 'function';
}

/** `node/20.19.0 linux/x64` (or bun/deno); undefined where there is no `process` (browsers). */
export function runtimeDescription(): string | undefined {
  const found = runtime();
  const versions = found?.versions;
  if (!versions?.['node']) return undefined;
  const name = versions['bun']
    ? `bun/${versions['bun']}`
    : versions['deno']
      ? `deno/${versions['deno']}`
      : `node/${versions['node']}`;
  return `${name} ${found?.platform ?? 'unknown'}/${found?.arch ?? 'unknown'}`;
}

/**
 * Node itself: not Deno or Bun, nor an edge runtime with Node compatibility (Cloudflare's), which
 * offer getBuiltinModule and a Node version too but whose fetch is their own best path.
 * Node 21+ says so in navigator.userAgent; Node 20 has no navigator at all.
 */
export function isNode(): boolean {
  const versions = runtime()?.versions;
  if (typeof versions?.['node'] !== 'string' || versions['deno'] !== undefined || versions['bun'] !== undefined)
    return false;
  const agent = (globalThis as { navigator?: { userAgent?: unknown } }).navigator?.userAgent;
  return agent === undefined || (typeof agent === 'string' && agent.startsWith('Node.js'));
}
