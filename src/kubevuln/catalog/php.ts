import { z } from "zod";
import type { Package } from "../types.ts";
import { type Cataloger, locationOf } from "./cataloger.ts";
import { purl } from "./purl.ts";

const INSTALLED = /\/vendor\/composer\/installed\.json$/;
const LOCK = /\/composer\.lock$/;

const ComposerPackage = z.object({ name: z.string(), version: z.string(), license: z.union([z.array(z.string()), z.string()]).optional() }).loose();
const Installed = z.union([z.array(ComposerPackage), z.object({ packages: z.array(ComposerPackage) }).loose()]);
const Lock = z.object({ packages: z.array(ComposerPackage).default([]), "packages-dev": z.array(ComposerPackage).nullish() }).loose();

export type ComposerEntry = z.infer<typeof ComposerPackage>;

/** installed.json (Composer 1: an array; Composer 2: {packages}) or composer.lock. */
export function parseComposer(text: string, kind: "installed" | "lock"): ComposerEntry[] {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return [];
  }
  if (kind === "lock") {
    const r = Lock.safeParse(doc);
    return r.success ? [...r.data.packages, ...(r.data["packages-dev"] ?? [])] : [];
  }
  const r = Installed.safeParse(doc);
  if (!r.success) return [];
  return Array.isArray(r.data) ? r.data : r.data.packages;
}

export const phpCataloger: Cataloger = {
  name: "php-composer",
  wantsContent: (path) => INSTALLED.test(path) || LOCK.test(path),
  async catalog({ tree }) {
    const byKey = new Map<string, Package>();
    for (const [path] of tree.files()) {
      const kind = INSTALLED.test(path) ? "installed" : LOCK.test(path) && !path.includes("/vendor/") ? "lock" : undefined;
      if (!kind) continue;
      for (const e of parseComposer((await tree.readText(path)) ?? "", kind)) {
        const key = `${e.name}@${e.version}`;
        const location = locationOf(tree, path);
        const seen = byKey.get(key);
        if (seen) {
          seen.locations.push(location);
          continue;
        }
        const [vendor, name] = e.name.includes("/") ? [e.name.slice(0, e.name.indexOf("/")), e.name.slice(e.name.indexOf("/") + 1)] : [undefined, e.name];
        byKey.set(key, {
          name: e.name,
          version: e.version,
          type: "php-composer",
          purl: purl("composer", vendor, name, e.version),
          locations: [location],
          licenses: e.license === undefined ? [] : Array.isArray(e.license) ? e.license : [e.license],
        });
      }
    }
    return [...byKey.values()];
  },
};
