import { defineControl } from "./define.ts";
import { normalizedImageName } from "./lib/image.ts";
import { evaluateContainers, failed, inputOr } from "./lib/workload.ts";

/** Images pulled from registries listed as untrusted or public. */
export const control = defineControl({
  id: "C-0001",
  description: "Fails containers whose normalized image name starts with an entry of the untrustedRegistries or publicRegistries inputs.",
  remediation: "Pull images only from your trusted private registries; mirror public images there.",
  evaluate: (index, inputs) => {
    const blocked = [...inputOr(inputs, "untrustedRegistries", []), ...inputOr(inputs, "publicRegistries", [])].filter((r) => r !== "");
    return evaluateContainers(index, (c) => {
      if (typeof c.container.image !== "string" || blocked.length === 0) return [];
      const name = normalizedImageName(c.container.image);
      return blocked.some((r) => name.startsWith(r)) ? [failed(`${c.path}.image`)] : [];
    });
  },
});
