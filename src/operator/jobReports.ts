/** Job status reports (BaseReport) to the event receiver's /k8s/sysreport, through the bounded outbox. */
import type { EventReceiverClient } from "../common/reporter.ts";
import type { BaseReport } from "../common/wire/systemReport.ts";
import { type Command, commandId } from "../common/wire/commands.ts";

export type JobStatus = BaseReport["status"];

export class JobReporter {
  constructor(
    private readonly client: EventReceiverClient | undefined,
    private readonly customerGUID: string,
    private readonly clusterName: string,
  ) {}

  /** Target as the reference names it: the command id, or the cluster wlid for designators. */
  target(command: Command): string {
    const id = commandId(command);
    return id === "designators" || id === "" ? `wlid://cluster-${this.clusterName}/` : id;
  }

  report(command: Command, jobID: string, status: JobStatus, extra: { details?: string; errors?: string[]; numSeq?: number } = {}): BaseReport {
    const report: BaseReport = {
      customerGUID: this.customerGUID,
      reporter: "Websocket",
      target: this.target(command),
      status,
      action: command.commandName,
      jobID,
      parentAction: command.jobTracking?.parentAction,
      actionID: String(extra.numSeq ?? 1),
      numSeq: extra.numSeq ?? 1,
      details: extra.details,
      errors: extra.errors,
      timestamp: new Date().toISOString(),
    };
    this.client?.sendSystemReport(report);
    return report;
  }
}
