// The benchmarks' HTTP server, in its own process so its work does not count against the
// clients measured: answers every request after an optional delay. Prints its URL when ready.
import { createServer } from 'node:http';

const delayMs = Number(process.argv[2] ?? 0);
const server = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    const answer = () => {
      if (req.method === 'GET') {
        res.writeHead(200, { 'content-type': 'application/json', 'x-request-id': 'bench' });
        res.end('{"certificate_format":"PEM","certificate":"","certificate_key":"","force_redirect":false}');
      } else {
        res.writeHead(req.method === 'DELETE' ? 204 : 200, { 'x-request-id': 'bench', 'content-length': '0' });
        res.end();
      }
    };
    if (delayMs > 0) setTimeout(answer, delayMs);
    else answer();
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`listening http://127.0.0.1:${server.address().port}\n`);
});
function stop() {
  server.closeAllConnections();
  process.exit(0);
}
process.on('SIGTERM', stop);
// Dies with the benchmark even if that process is killed before it can stop us.
process.stdin.on('close', stop);
process.stdin.resume();
