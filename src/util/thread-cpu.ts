import { readFileSync } from 'node:fs';

/**
 * The CPU time this thread has used so far, in milliseconds, or undefined where the system does not tell
 * a thread's own (anything but Linux). Node 20 has no such counter (`process.cpuUsage` counts every thread
 * of the process), so it is read from /proc/thread-self/stat: user and system time, fields 14 and 15,
 * counted in ticks of 1/100 s (Linux's USER_HZ, 100 on every architecture Node runs on).
 */
export function threadCpuMs(statFile = '/proc/thread-self/stat'): number | undefined {
  let stat: string;
  try {
    stat = readFileSync(statFile, 'utf8');
  } catch {
    return undefined;
  }
  // The thread's name (field 2) is in parentheses and may hold spaces: count fields after its closing one.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  return Number.isFinite(ticks) && ticks >= 0 ? ticks * 10 : undefined;
}
