import { z } from "zod";
import { RegistryCredentialSchema } from "../image/registryAuth.ts";

const looseBool = z.union([z.boolean(), z.enum(["true", "false"]).transform((s) => s === "true")]);

const SessionSchema = z
  .object({ jobIDs: z.array(z.string()).nullish(), timestamp: z.string().nullish(), rootJobID: z.string().nullish(), action: z.string().nullish() })
  .loose();

/** `args`: registry options (armoapi-go AttributeUseHTTP / AttributeSkipTLSVerify) among others. */
const ArgsSchema = z.object({ useHTTP: looseBool.optional(), skipTLSVerify: looseBool.optional() }).loose();

/** apis.ImageScanParams: the body of POST /v1/scanRegistryImage (wire spec §2.2). */
export const RegistryScanCommandSchema = z
  .object({
    imageTag: z.string().min(1, "imageTag is required").max(1024),
    jobID: z.string().max(256).optional(),
    parentJobID: z.string().max(256).optional(),
    session: SessionSchema.nullish(),
    credentialsList: z.array(RegistryCredentialSchema).max(50).nullish(),
    args: ArgsSchema.nullish(),
  })
  .loose();
export type RegistryScanCommand = z.infer<typeof RegistryScanCommandSchema>;

/** apis.WebsocketScanCommand: the body of POST /v1/scanImage and /v1/generateSBOM. */
export const ScanCommandSchema = RegistryScanCommandSchema.extend({
  imageHash: z.string().max(512).optional(),
  wlid: z.string().max(1024).optional(),
  containerName: z.string().max(256).optional(),
  isScanned: z.boolean().optional(),
  actionIDN: z.number().int().min(0).optional(),
  instanceID: z.string().max(1024).optional(),
  credentials: z.unknown().optional(),
}).loose();
export type ScanCommand = z.infer<typeof ScanCommandSchema>;
