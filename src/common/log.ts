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

/**
 * A child logger for one action. Every action carries its `jobId`; a sub-action also names the
 * action that started it as `parentId`, so logs can be read back as a tree.
 */
export function withJob(logger: Logger, jobId: string, parentId?: string): Logger {
  return logger.child(parentId ? { jobId, parentId } : { jobId });
}

/** A logger that writes nothing, for pure cores exercised in unit tests. */
export const silentLogger: Logger = pino({ level: "silent" });
