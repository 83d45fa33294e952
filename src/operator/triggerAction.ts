/** `POST /v1/triggerAction`: parse and check the Commands document (pure); the route queues it. */
import { type Commands, cronJobParams, parseCommands } from "../common/wire/commands.ts";
import { cronProblem } from "./recurring/cron.ts";
import { recurringCommand } from "./recurring/kinds.ts";

export type TriggerCheck = { ok: true; commands: Commands } | { ok: false; field: string; message: string };

/** JSON text → Commands, with every set/update schedule validated; failures name the field. */
export function checkTriggerBody(text: string): TriggerCheck {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return { ok: false, field: "body", message: `body: not valid JSON (${(err as Error).message})` };
  }
  const parsed = parseCommands(json);
  if (!parsed.ok) return parsed;
  const problems = scheduleProblems(parsed.value);
  if (problems) return problems;
  return { ok: true, commands: parsed.value };
}

function scheduleProblems(commands: Commands): { ok: false; field: string; message: string } | undefined {
  for (const [i, command] of commands.commands.entries()) {
    const recurring = recurringCommand(command.commandName);
    if (!recurring || recurring.verb === "delete") continue;
    const schedule = cronJobParams(command).cronTabSchedule;
    if (schedule === undefined || schedule === "") continue; // required-ness is checked when run
    const problem = cronProblem(schedule);
    if (problem) {
      const field = `commands.${i}.args.jobParams.cronTabSchedule`;
      return { ok: false, field, message: `${field}: invalid cron schedule "${schedule}": ${problem}` };
    }
  }
  return undefined;
}
