import { Cron } from "croner";

/**
 * Checks a 5-field cron expression (or @macro) the way the in-process scheduler will read it.
 * Returns the problem, or undefined when the schedule is usable.
 */
export function cronProblem(expression: string): string | undefined {
  if (expression.trim() === "") return "empty schedule";
  const fields = expression.trim().split(/\s+/);
  if (!expression.trim().startsWith("@") && fields.length !== 5) return `expected 5 fields (minute hour day month weekday), got ${fields.length}`;
  try {
    const probe = new Cron(expression, { paused: true, mode: expression.trim().startsWith("@") ? "auto" : "5-part" });
    probe.stop();
    return undefined;
  } catch (err) {
    return (err as Error).message;
  }
}
