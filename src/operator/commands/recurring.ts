/** set|update|delete × Kubescape|VulnScan|RegistryScan CronJob (§1.5). */
import type { Job, OperatorContext } from "../context.ts";
import type { RecurringKind, RecurringVerb } from "../recurring/kinds.ts";
import { CommandInputError, planRegistryUpdateObjects, planSetKubescape, planSetRegistry, planSetVuln, planUpdate, targetName } from "../recurring/plan.ts";

export async function runRecurring(ctx: OperatorContext, job: Job, verb: RecurringVerb, kind: RecurringKind): Promise<string> {
  const { command } = job;
  const planCtx = { namespace: ctx.namespace, suspend: ctx.recurringScheduler === "croner" };
  try {
    if (verb === "set") {
      const template = await ctx.store.template(kind);
      const plans = kind === "kubescape" ? planSetKubescape(command, template, planCtx) : [kind === "vuln" ? planSetVuln(command, template, planCtx) : planSetRegistry(command, template, planCtx)];
      for (const objects of plans) {
        await ctx.store.create(objects);
        job.logger.info({ cronJob: objects.cronJob.metadata.name, schedule: objects.cronJob.spec.schedule, secret: Boolean(objects.secret) }, "recurring scan created");
      }
      return plans.map((p) => p.cronJob.metadata.name).join(",");
    }
    const name = targetName(command);
    if (verb === "update") {
      const existing = await ctx.store.readCronJob(name);
      if (!existing) throw new CommandInputError(`${command.commandName}: CronJob ${name} not found`);
      const updated = planUpdate(command, existing, planCtx.suspend);
      if (kind === "registry") {
        const objects = planRegistryUpdateObjects(command, name);
        if (objects) {
          await ctx.store.upsertConfigMap(objects.configMap);
          if (objects.secret) await ctx.store.upsertSecret(objects.secret);
        }
      }
      await ctx.store.replaceCronJob(updated);
      job.logger.info({ cronJob: name, schedule: updated.spec.schedule }, "recurring scan updated");
      return name;
    }
    const removed = await ctx.store.delete(name, kind === "registry");
    if (removed.length === 0) throw new CommandInputError(`${command.commandName}: nothing named ${name} to delete`);
    job.logger.info({ cronJob: name, removed }, "recurring scan deleted");
    return name;
  } finally {
    ctx.onRecurringChanged();
  }
}
