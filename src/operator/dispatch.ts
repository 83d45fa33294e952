/** Runs one command: the reference's runCommand switch, with job reports and no crash on failure. */
import { errorMessage } from "../common/errors.ts";
import { runKubescapeScan } from "./commands/kubescapeScan.ts";
import { runRecurring } from "./commands/recurring.ts";
import { runScanImages } from "./commands/scanImages.ts";
import { runScanRegistry } from "./commands/scanRegistry.ts";
import type { Job, OperatorContext } from "./context.ts";
import { recurringCommand } from "./recurring/kinds.ts";

export type JobOutcome = { ok: true; details: string } | { ok: false; error: string };

async function execute(ctx: OperatorContext, job: Job): Promise<string> {
  const name = job.command.commandName;
  const recurring = recurringCommand(name);
  if (recurring) return `recurring ${recurring.verb} ${await runRecurring(ctx, job, recurring.verb, recurring.kind)}`;
  switch (name) {
    case "kubescapeScan":
    case "runKubescapeJob":
      return `kubescape scan ${await runKubescapeScan(ctx, job)}`;
    case "scan":
      return `${await runScanImages(ctx, job)} image scans requested`;
    case "scanRegistry":
      return `${await runScanRegistry(ctx, job)} registry image scans requested`;
    default:
      throw new Error(`Command ${name} not found`);
  }
}

export async function runJob(ctx: OperatorContext, job: Job): Promise<JobOutcome> {
  job.logger.info({ commandName: job.command.commandName }, "command started");
  ctx.reporter.report(job.command, job.jobID, "started", { numSeq: 1 });
  try {
    const details = await execute(ctx, job);
    job.logger.info({ commandName: job.command.commandName, details }, "command done");
    ctx.reporter.report(job.command, job.jobID, "success", { numSeq: 2, details });
    return { ok: true, details };
  } catch (err) {
    const error = errorMessage(err);
    job.logger.error({ commandName: job.command.commandName, err: error }, "command failed");
    ctx.reporter.report(job.command, job.jobID, "failure", { numSeq: 2, errors: [error] });
    return { ok: false, error };
  }
}
