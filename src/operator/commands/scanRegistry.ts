/** scanRegistry: list the registry (catalog, tags; include/exclude/depth) → kubevuln `/v1/scanRegistryImage` per image. */
import { randomUUID } from "node:crypto";
import type { Job, OperatorContext } from "../context.ts";
import { postJson } from "../downstream.ts";
import { type RegistryAuth, registryInfoOf } from "../recurring/plan.ts";
import { RegistryClient, selectRepositories, selectTags } from "../registry/catalog.ts";
import { sessionFor } from "./scanImages.ts";

const MAX_IMAGES = 5000;

function stringList(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
}

export async function runScanRegistry(ctx: OperatorContext, job: Job): Promise<number> {
  const info = registryInfoOf(job.command);
  const registryName = info.registryName!;
  let username = info.authMethod?.username ?? "";
  let password = info.authMethod?.password ?? "";
  if (!username && !password && typeof info.secretName === "string" && info.secretName !== "") {
    const stored = await ctx.store.readSecretKey(info.secretName, "registriesAuth");
    const entries = stored ? (JSON.parse(stored) as RegistryAuth[]) : [];
    const entry = entries.find((e) => e.registry === registryName) ?? entries[0];
    username = entry?.username ?? "";
    password = entry?.password ?? "";
  }
  const useHTTP = info.isHTTPS === false;
  const skipTLSVerify = info.skipTLSVerify === true;
  const client = new RegistryClient({ baseUrl: `${useHTTP ? "http" : "https"}://${registryName}`, credentials: { username, password }, skipTLSVerify });
  const repositories = selectRepositories(await client.repositories(), { include: stringList(info.include), exclude: stringList(info.exclude) });
  const depth = typeof info.depth === "number" && info.depth > 0 ? info.depth : 1;
  const images: Array<{ repository: string; tag: string }> = [];
  for (const repository of repositories) {
    for (const tag of selectTags(await client.tags(repository), depth)) {
      if (images.length < MAX_IMAGES) images.push({ repository, tag });
    }
  }
  job.logger.info({ registryName, repositories: repositories.length, images: images.length, depth }, "registry scan targets");
  let failures = 0;
  for (const { repository, tag } of images) {
    const newJobID = randomUUID();
    const body = {
      imageTag: `${registryName}/${repository}:${tag}`,
      jobID: newJobID,
      parentJobID: job.jobID,
      session: sessionFor(job, newJobID),
      credentialsList: username || password ? [{ username, password, serveraddress: registryName }] : [],
      args: { registryName, repository, tag, useHTTP, skipTLSVerify, sensor: ctx.clusterName },
    };
    try {
      await postJson(`${ctx.kubevulnUrl}/v1/scanRegistryImage`, body, { retryDelayMs: ctx.retryDelayMs });
    } catch (err) {
      failures++;
      job.logger.error({ imageTag: body.imageTag, err: (err as Error).message }, "registry image scan request failed");
    }
  }
  if (failures > 0) throw new Error(`${failures} of ${images.length} registry image scan requests failed`);
  return images.length;
}
