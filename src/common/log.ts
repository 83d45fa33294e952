import pino, { type Logger } from "pino";

export type { Logger } from "pino";

/** The process-wide root logger: pino JSON on stdout, one line per event. */
export function createLogger(component: string, level = process.env.LOG_LEVEL ?? "info"): Logger {
  return pino({
    level,
    base: { component },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
  });
}

/** Job loggers → the logger they were made from, so a nested job does not repeat the `jobId` key. */
const jobBase = new WeakMap<Logger, Logger>();

/**
 * A child logger for one action. Every action carries its `jobId`; a sub-action also names the
 * action that started it as `parentId`, so logs can be read back as a tree. Called on a job
 * logger, the new job becomes a sub-action of it (pino would otherwise print `jobId` twice).
 */
export function withJob(logger: Logger, jobId: string, parentId?: string): Logger {
  const base = jobBase.get(logger);
  const inherited = base ? (logger.bindings().jobId as string | undefined) : undefined;
  const parent = parentId ?? inherited;
  const child = (base ?? logger).child(parent ? { jobId, parentId: parent } : { jobId });
  jobBase.set(child, base ?? logger);
  return child;
}

/** A logger that writes nothing, for pure cores exercised in unit tests. */
export const silentLogger: Logger = pino({ level: "silent" });
