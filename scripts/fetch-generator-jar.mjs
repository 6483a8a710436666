// Makes sure the openapi-generator jar pinned in openapitools.json is present.
// The npm wrapper downloads it from Maven Central's web host, which some networks (CI sandboxes,
// corporate proxies) cannot reach while the `mvn` client can; so `mvn` is tried first and the
// wrapper's own download is the fallback.
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generatorJar } from './lib/generator-jar.mjs';
import { run } from './lib/run.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const soft = process.argv.includes('--soft');
const jar = generatorJar(root);

async function main() {
  if (existsSync(jar.path)) {
    console.log(`openapi-generator ${jar.version}: ${jar.path}`);
    return;
  }
  mkdirSync(jar.dir, { recursive: true });
  try {
    const tmp = join(jar.dir, 'mvn-download');
    await run('mvn', [
      '-q',
      '-B',
      'org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy',
      `-Dartifact=org.openapitools:openapi-generator-cli:${jar.version}:jar`,
      `-DoutputDirectory=${tmp}`,
    ]);
    renameSync(join(tmp, `openapi-generator-cli-${jar.version}.jar`), jar.path);
    rmSync(tmp, { recursive: true, force: true });
  } catch (mvnError) {
    console.warn(`mvn could not fetch the jar (${mvnError.message}); trying the wrapper's download`);
    await run('npx', ['--no-install', 'openapi-generator-cli', 'version'], {
      cwd: root,
      env: { ...process.env, PWD: root },
    });
  }
  if (!existsSync(jar.path)) throw new Error(`no jar at ${jar.path} after download`);
  console.log(`openapi-generator ${jar.version}: fetched to ${jar.path}`);
}

main().catch((error) => {
  console.error(`Could not get the openapi-generator ${jar.version} jar: ${error.message}`);
  console.error('Regeneration and its drift check need it (Java 11+ and Maven, or access to Maven Central).');
  process.exitCode = soft ? 0 : 1;
});
