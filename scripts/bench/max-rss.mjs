// Preloaded into a CLI process the memory benchmark runs: at exit, writes the process's peak
// resident set (kB, from getrusage) to the file named by BENCH_MAX_RSS_FILE.
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  writeFileSync(process.env.BENCH_MAX_RSS_FILE, String(process.resourceUsage().maxRSS));
});
