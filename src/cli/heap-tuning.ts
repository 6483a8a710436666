// The executable's garbage collector, tuned for long fleet runs: memory over speed.
//
// Measured (docs/performance.md, bench section 7): a fleet keeps nothing per domain (heap
// snapshots 20 s apart hold the same ~10 MB of live objects at 20,000 domains), but each domain
// allocates ~75 kB of short-lived objects (signing, the HTTP exchange, the answer). Left to its
// defaults, V8 answers a long run of that by doubling the young generation up to 2 x 16 MB and by
// letting promoted garbage pile up to 4x the live old generation before collecting it: peak RSS
// rose from 81 MB at 1,000 domains to ~145 MB from 20,000 on. Keeping the young generation at its
// starting size and collecting the old one at 1.5x what is live keeps the peak where a short run
// has it, for a CPU cost within the noise of the same runs.
//
// Both flags are read by V8 at each collection, so setting them once the process runs takes
// effect (unlike --max-semi-space-size). Someone who passes their own heap flags (NODE_OPTIONS or
// node's command line) keeps them. Only the executable calls this (./tune-heap.ts, its first
// import); the library never changes the collector of the program that uses it.
import { setFlagsFromString } from 'node:v8';

export const FLEET_HEAP_FLAGS = ['--semi-space-growth-factor=1', '--heap-growing-percent=50'] as const;

/** Whether the person running the CLI chose heap settings of their own. */
export function ownHeapFlags(execArgv: readonly string[], nodeOptions: string | undefined): boolean {
  return [...execArgv, ...(nodeOptions ?? '').split(/\s+/)].some((arg) =>
    /^--(max|min)[-_]semi[-_]space[-_]size|^--semi[-_]space[-_]growth[-_]factor|^--heap[-_]growing[-_]percent/.test(
      arg,
    ),
  );
}

export function tuneHeapForFleets(
  set: (flag: string) => void = setFlagsFromString,
  execArgv: readonly string[] = process.execArgv,
  nodeOptions: string | undefined = process.env['NODE_OPTIONS'],
): readonly string[] {
  if (ownHeapFlags(execArgv, nodeOptions)) return [];
  try {
    for (const flag of FLEET_HEAP_FLAGS) set(flag);
    return FLEET_HEAP_FLAGS;
  } catch {
    // A runtime without V8's flags (node:v8 emulated): its own collector, untouched.
    return [];
  }
}
