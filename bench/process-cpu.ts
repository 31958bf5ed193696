import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/** The CPU time of the service and of its PostgreSQL backends, read from /proc, for CPU per request in the benchmarks. */

const CLOCK_TICKS_PER_SECOND = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }));
/** How often backends are sampled: one that ends within a run loses at most this much of its CPU from the count. */
const BACKEND_SAMPLE_MS = 250;

/** CPU time (user + system, every thread) of process `pid` so far, in ms; undefined once it has ended. */
export function cpuMsOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // After the command name (in parentheses, and it may hold spaces): state is field 3, utime 14, stime 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}

/** The PostgreSQL backends connected to `database` now: their titles read `postgres: <cluster>: <user> <database> <client> <state>`. */
function backendsOf(database: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const title = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (title.startsWith('postgres: ') && title.includes(` ${database} `)) pids.push(Number(entry));
    } catch {
      // ended while listed
    }
  }
  return pids;
}

/** The CPU the backends of `database` spend while `run` runs, sampled so that a backend that starts or ends within it counts too. */
export async function backendCpuMsDuring(database: string, run: () => Promise<void>): Promise<number> {
  const before = new Map<number, number>();
  const last = new Map<number, number>();
  for (const pid of backendsOf(database)) before.set(pid, cpuMsOf(pid) ?? 0);
  const sample = () => {
    for (const pid of backendsOf(database)) {
      const cpuMs = cpuMsOf(pid);
      if (cpuMs !== undefined) last.set(pid, cpuMs);
    }
  };
  const sampler = setInterval(sample, BACKEND_SAMPLE_MS);
  try {
    await run();
  } finally {
    clearInterval(sampler);
  }
  sample();
  let spent = 0;
  for (const [pid, cpuMs] of last) spent += cpuMs - (before.get(pid) ?? 0);
  return spent;
}
