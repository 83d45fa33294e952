/** Recurring-scan objects in the cluster: templates, CronJobs, their ConfigMaps and Secrets. */
import { isApiStatus, k8s, type KubeConfig } from "../../common/kube.ts";
import type { Logger } from "../../common/log.ts";
import { RECURRING_KINDS, type RecurringKind, TEMPLATE_KEY, TIER_LABEL } from "./kinds.ts";
import type { PlainConfigMap, PlainSecret, RecurringObjects } from "./plan.ts";
import { builtinTemplate, type CronJobObject, parseTemplate } from "./template.ts";

export class RecurringStore {
  private readonly batch: k8s.BatchV1Api;
  private readonly core: k8s.CoreV1Api;

  constructor(
    kc: KubeConfig,
    readonly namespace: string,
    private readonly logger: Logger,
  ) {
    this.batch = kc.makeApiClient(k8s.BatchV1Api);
    this.core = kc.makeApiClient(k8s.CoreV1Api);
  }

  /** The chart's template for a kind, or the built-in copy when the ConfigMap is missing. */
  async template(kind: RecurringKind): Promise<CronJobObject> {
    const name = RECURRING_KINDS[kind].templateConfigMap;
    try {
      const cm = await this.core.readNamespacedConfigMap({ name, namespace: this.namespace });
      const text = cm.data?.[TEMPLATE_KEY];
      if (text) return parseTemplate(text, `${this.namespace}/${name}`);
      this.logger.warn({ configMap: name }, "template ConfigMap has no cronjobTemplate key; using the built-in template");
    } catch (err) {
      if (!isApiStatus(err, 404)) throw err;
      this.logger.info({ configMap: name }, "template ConfigMap not found; using the built-in template");
    }
    return builtinTemplate(kind, { namespace: this.namespace });
  }

  async create(objects: RecurringObjects): Promise<void> {
    // Body and credentials first, so the CronJob never runs without them.
    await this.upsertConfigMap(objects.configMap);
    if (objects.secret) await this.upsertSecret(objects.secret);
    await this.batch.createNamespacedCronJob({ namespace: this.namespace, body: objects.cronJob as unknown as k8s.V1CronJob });
  }

  async readCronJob(name: string): Promise<CronJobObject | undefined> {
    try {
      return (await this.batch.readNamespacedCronJob({ name, namespace: this.namespace })) as unknown as CronJobObject;
    } catch (err) {
      if (isApiStatus(err, 404)) return undefined;
      throw err;
    }
  }

  async replaceCronJob(cj: CronJobObject): Promise<void> {
    await this.batch.replaceNamespacedCronJob({ name: cj.metadata.name!, namespace: this.namespace, body: cj as unknown as k8s.V1CronJob });
  }

  async upsertConfigMap(cm: PlainConfigMap): Promise<void> {
    const body: k8s.V1ConfigMap = { metadata: { name: cm.name, namespace: this.namespace, labels: cm.labels }, data: cm.data };
    try {
      await this.core.createNamespacedConfigMap({ namespace: this.namespace, body });
    } catch (err) {
      if (!isApiStatus(err, 409)) throw err;
      await this.core.replaceNamespacedConfigMap({ name: cm.name, namespace: this.namespace, body });
    }
  }

  async upsertSecret(secret: PlainSecret): Promise<void> {
    const body: k8s.V1Secret = { metadata: { name: secret.name, namespace: this.namespace, labels: secret.labels }, type: "Opaque", stringData: secret.stringData };
    try {
      await this.core.createNamespacedSecret({ namespace: this.namespace, body });
    } catch (err) {
      if (!isApiStatus(err, 409)) throw err;
      await this.core.replaceNamespacedSecret({ name: secret.name, namespace: this.namespace, body });
    }
  }

  /** Deletes the CronJob, its ConfigMap and (registry) Secret; returns what existed. */
  async delete(name: string, withSecret: boolean): Promise<string[]> {
    const removed: string[] = [];
    const attempt = async (what: string, fn: () => Promise<unknown>) => {
      try {
        await fn();
        removed.push(what);
      } catch (err) {
        if (!isApiStatus(err, 404)) throw err;
      }
    };
    await attempt("CronJob", () => this.batch.deleteNamespacedCronJob({ name, namespace: this.namespace, propagationPolicy: "Background" }));
    await attempt("ConfigMap", () => this.core.deleteNamespacedConfigMap({ name, namespace: this.namespace }));
    if (withSecret) await attempt("Secret", () => this.core.deleteNamespacedSecret({ name, namespace: this.namespace }));
    return removed;
  }

  /** Every recurring-scan CronJob (label armo.tier) of the namespace. */
  async listRecurring(): Promise<CronJobObject[]> {
    const list = await this.batch.listNamespacedCronJob({ namespace: this.namespace, labelSelector: TIER_LABEL });
    return list.items as unknown as CronJobObject[];
  }

  async readConfigMapKey(name: string, key: string): Promise<string | undefined> {
    try {
      const cm = await this.core.readNamespacedConfigMap({ name, namespace: this.namespace });
      return cm.data?.[key];
    } catch (err) {
      if (isApiStatus(err, 404)) return undefined;
      throw err;
    }
  }

  async readSecretKey(name: string, key: string): Promise<string | undefined> {
    try {
      const s = await this.core.readNamespacedSecret({ name, namespace: this.namespace });
      const v = s.data?.[key];
      return v === undefined ? undefined : Buffer.from(v, "base64").toString("utf8");
    } catch (err) {
      if (isApiStatus(err, 404)) return undefined;
      throw err;
    }
  }
}
