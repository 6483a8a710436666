// --connect HOST:PORT and --wait DURATION, shared by verify, update --verify and deploy-hook --verify.
import type { VerifyFlags } from './args.js';
import { UsageError } from './exit-codes.js';
import { timeoutMsFrom } from './settings.js';

const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** `90`, `90s`, `1.5m`, `2h`, `500ms` as milliseconds (a bare number is seconds). */
export function parseDuration(text: string, flag: string): number {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(text.trim());
  const ms = match ? Number(match[1]) * UNITS[match[2] ?? 's']! : NaN;
  if (!Number.isFinite(ms) || ms > 24 * UNITS['h']!)
    throw new UsageError(`${flag} ${text}: give a duration such as 90s, 10m or 1h (at most 24h)`);
  return ms;
}

export interface VerifyTarget {
  host?: string;
  port?: number;
  waitMs: number;
  /** Per handshake, from --timeout (else verify's own default). */
  timeoutMs?: number;
}

export function verifyTargetFrom(values: VerifyFlags): VerifyTarget {
  const wait = values.wait;
  const target: VerifyTarget = { waitMs: wait === undefined ? 0 : parseDuration(wait, '--wait') };
  const timeoutMs = timeoutMsFrom(values);
  if (timeoutMs !== undefined) target.timeoutMs = timeoutMs;
  const connect = values.connect;
  if (connect !== undefined) {
    const match = /^(?:\[([0-9a-fA-F:.]+)\]|([^:[\]\s]+)):(\d{1,5})$/.exec(connect.trim());
    const port = match ? Number(match[3]) : NaN;
    if (!match || port < 1 || port > 65535)
      throw new UsageError(`--connect ${connect}: give HOST:PORT, e.g. edge.example.net:443 or [::1]:8443`);
    target.host = match[1] ?? match[2]!;
    target.port = port;
  }
  return target;
}
