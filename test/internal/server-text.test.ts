// The one sanitiser for server-provided text: redact, strip, cut, in that order.
import { describe, expect, it } from 'vitest';
import { redact } from '../../src/internal/redact.js';
import { cut, serverText, stripControls } from '../../src/internal/server-text.js';

const token = `MIIT${'aB3dE5fG7hJ9kL1mN2pQ4rS6tU8vW0xY'.repeat(110)}`; // ~3.6 kB, like an IAM token

describe('serverText', () => {
  it('redacts a long echoed token before cutting, so no piece of it survives', () => {
    const text = serverText(`invalid token: ${token} (check it)`, [token], 2048);
    expect(text).toContain('[REDACTED]');
    expect(text).not.toContain(token.slice(0, 16));
    expect(text).toContain('(check it)');
  });

  it('removes a 16+ character fragment of a secret that arrived already cut', () => {
    const cutByServer = `token ${token.slice(0, 1500)}`;
    const tail = `${token.slice(-40)} end`;
    expect(redact(cutByServer, [token])).toBe('token [REDACTED]');
    expect(redact(tail, [token])).toBe('[REDACTED] end');
    // A shorter coincidence is left alone: 15 characters of a secret are not a fragment.
    expect(redact(`x${token.slice(5, 20)}y`, [token])).toBe(`x${token.slice(5, 20)}y`);
  });

  it('strips ANSI colours, cursor moves, OSC titles, carriage returns and bidi overrides', () => {
    const hostile =
      'bad\r\u001b[2K\u001b[32mUpdated play.example.com\u001b[0m\u001b]0;owned\u0007 \u202eevil\u0007\u009b31m';
    const text = stripControls(hostile);
    // eslint-disable-next-line no-control-regex
    expect(text).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202e]/);
    expect(text).not.toContain('owned');
    expect(text).toContain('Updated play.example.com');
  });

  it('removes every Unicode format (Cf) character and replaces line and paragraph separators', () => {
    const hostile = 'a\u061cb\u200bc\u200dd\u2060e\ufefff\u00adg\u{e0041}h\u2028i\u2029j\u0600k\u202el\u2066m';
    const text = stripControls(hostile);
    expect(text).not.toMatch(/[\p{Cf}\u2028\u2029]/u);
    expect(text.replace(/ /g, '')).toBe('abcdefghijklm');
    expect(serverText('x\u2028error: forged', [])).toBe('x error: forged');
  });

  it('cuts by code points, never inside a surrogate pair, and marks the cut', () => {
    const text = cut('😀'.repeat(100), 20);
    expect(Array.from(text).length).toBe(20);
    expect(text.endsWith('…[cut]')).toBe(true);
    expect(text).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
    expect(cut('short', 20)).toBe('short');
  });

  it('redacts private keys even when the END line was cut off', () => {
    const text = serverText('key: -----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBg', [], 2048);
    expect(text).toBe('key: [REDACTED PRIVATE KEY]');
  });
});
