import { type ChildProcess, spawn } from "node:child_process";
import { createWriteStream } from "node:fs";

const live = new Set<ChildProcess>();

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    try {
      child.kill(signal);
    } catch {
      /* already gone */
    }
  }
}

// Never leave a real apiserver or registry behind when a test run ends abruptly. `bun test` does
// not run process "exit" handlers, and nothing runs on SIGKILL, so each program is started under
// a small shell watchdog that ends it once the test process is gone.
process.on("exit", () => {
  for (const child of live) killGroup(child, "SIGKILL");
});

const WATCHDOG = `
"$@" &
child=$!
trap 'kill -TERM $child 2>/dev/null; wait $child; exit 0' TERM INT
while kill -0 "$KS_WATCH_PID" 2>/dev/null && kill -0 $child 2>/dev/null; do sleep 1; done
kill -TERM $child 2>/dev/null
for _ in 1 2 3 4 5; do kill -0 $child 2>/dev/null || exit 0; sleep 1; done
kill -KILL $child 2>/dev/null
`;

export interface Started {
  child: ChildProcess;
  logFile: string;
  stop(): Promise<void>;
}

/** Starts a program in its own process group, output to logFile; stop() ends the whole group. */
export function startProcess(cmd: string, args: string[], logFile: string, env: Record<string, string | undefined> = process.env): Started {
  const out = createWriteStream(logFile, { flags: "a" });
  const child = spawn("bash", ["-c", WATCHDOG, "watchdog", cmd, ...args], {
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...env, KS_WATCH_PID: String(process.pid) } as NodeJS.ProcessEnv,
  });
  // Two sources into one file: neither may end it, or the other writes after the end.
  child.stdout?.pipe(out, { end: false });
  child.stderr?.pipe(out, { end: false });
  child.on("close", () => out.end());
  live.add(child);
  child.on("exit", () => live.delete(child));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((r) => child.once("exit", () => r()));
    killGroup(child, "SIGTERM");
    const timer = setTimeout(() => killGroup(child, "SIGKILL"), 5000);
    await exited;
    clearTimeout(timer);
  };
  return { child, logFile, stop };
}
