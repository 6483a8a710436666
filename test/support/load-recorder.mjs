// `node --import <this file>`: every file: module the process loads is written to stderr as
// `loaded <url>`, so a test can see which modules a command pulls in (lazy loading).
import { register } from 'node:module';

register(
  `data:text/javascript,${encodeURIComponent(`
import { writeSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  if (resolved.url.startsWith('file:')) writeSync(2, 'loaded ' + resolved.url + '\\n');
  return resolved;
}`)}`,
);
