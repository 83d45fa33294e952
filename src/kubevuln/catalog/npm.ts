import { z } from "zod";
import type { Package } from "../types.ts";
import { type Cataloger, locationOf } from "./cataloger.ts";
import { purl } from "./purl.ts";

const INSTALLED = /\/node_modules\/((?:@[^/]+\/)?[^/@][^/]*)\/package\.json$/;
const LOCKFILE = /\/package-lock\.json$/;

const LicenseField = z.union([z.string(), z.object({ type: z.string() }).loose(), z.array(z.union([z.string(), z.object({ type: z.string() }).loose()]))]);
const PackageJson = z.object({ name: z.string().optional(), version: z.string().optional(), license: LicenseField.optional(), licenses: LicenseField.optional() }).loose();
const LockPackage = z.object({ version: z.string().optional(), license: LicenseField.optional(), link: z.boolean().optional(), dev: z.boolean().optional() }).loose();
const LockV1Dep: z.ZodType<{ version?: string; dependencies?: Record<string, unknown> }> = z.lazy(() =>
  z.object({ version: z.string().optional(), dependencies: z.record(z.string(), LockV1Dep).optional() }).loose(),
);
const Lockfile = z.object({ packages: z.record(z.string(), LockPackage).optional(), dependencies: z.record(z.string(), LockV1Dep).optional() }).loose();

function licenses(field: z.infer<typeof LicenseField> | undefined): string[] {
  if (field === undefined) return [];
  const list = Array.isArray(field) ? field : [field];
  return list.map((l) => (typeof l === "string" ? l : l.type)).filter(Boolean);
}

function npmPurl(name: string, version: string): string {
  const slash = name.startsWith("@") ? name.indexOf("/") : -1;
  return slash > 0 ? purl("npm", name.slice(0, slash), name.slice(slash + 1), version) : purl("npm", undefined, name, version);
}

function pkg(name: string, version: string, location: Package["locations"][number], lic: string[]): Package {
  return { name, version, type: "npm", purl: npmPurl(name, version), locations: [location], licenses: lic };
}

function parseJson(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Packages a package-lock.json records (v2/v3 "packages" map, v1 nested "dependencies"). */
export function parsePackageLock(text: string): Array<{ name: string; version: string; licenses: string[] }> {
  const parsed = Lockfile.safeParse(parseJson(text));
  if (!parsed.success) return [];
  const out: Array<{ name: string; version: string; licenses: string[] }> = [];
  if (parsed.data.packages) {
    for (const [key, p] of Object.entries(parsed.data.packages)) {
      const m = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)$/.exec(key);
      if (!m || !p.version || p.link) continue;
      out.push({ name: m[1]!, version: p.version, licenses: licenses(p.license) });
    }
    return out;
  }
  const walk = (deps: Record<string, { version?: string; dependencies?: Record<string, unknown> }>) => {
    for (const [name, d] of Object.entries(deps)) {
      if (d.version && !/^(?:file|link|git\+?|https?):/.test(d.version)) out.push({ name, version: d.version, licenses: [] });
      if (d.dependencies) walk(d.dependencies as Record<string, { version?: string }>);
    }
  };
  if (parsed.data.dependencies) walk(parsed.data.dependencies);
  return out;
}

export const npmCataloger: Cataloger = {
  name: "npm",
  wantsContent: (path) => INSTALLED.test(path) || (LOCKFILE.test(path) && !path.includes("/node_modules/")),
  async catalog({ tree }) {
    const byKey = new Map<string, Package>();
    const add = (p: Package) => {
      const key = `${p.name}@${p.version}`;
      const seen = byKey.get(key);
      if (!seen) byKey.set(key, p);
      else {
        if (!seen.locations.some((l) => l.path === p.locations[0]!.path)) seen.locations.push(...p.locations);
        if (seen.licenses.length === 0) seen.licenses = p.licenses;
      }
    };
    for (const [path] of tree.files()) {
      const m = INSTALLED.exec(path);
      if (m) {
        const parsed = PackageJson.safeParse(parseJson(await tree.readText(path)));
        if (!parsed.success || !parsed.data.name || !parsed.data.version) continue;
        add(pkg(parsed.data.name, parsed.data.version, locationOf(tree, path), licenses(parsed.data.license ?? parsed.data.licenses)));
      } else if (LOCKFILE.test(path) && !path.includes("/node_modules/")) {
        for (const e of parsePackageLock((await tree.readText(path)) ?? "")) add(pkg(e.name, e.version, locationOf(tree, path), e.licenses));
      }
    }
    return [...byKey.values()];
  },
};
