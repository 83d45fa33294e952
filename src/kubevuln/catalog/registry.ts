import type { FileSelector } from "../image/squash.ts";
import type { FileTree } from "../image/tree.ts";
import type { Distro, Package } from "../types.ts";
import { apkCataloger } from "./apk.ts";
import type { Cataloger } from "./cataloger.ts";
import { dpkgCataloger } from "./dpkg.ts";
import { goBinaryCataloger } from "./goBinary.ts";
import { javaCataloger } from "./java.ts";
import { npmCataloger } from "./npm.ts";
import { detectDistro, wantsOsRelease } from "./osRelease.ts";
import { phpCataloger } from "./php.ts";
import { pythonCataloger } from "./python.ts";
import { rpmCataloger } from "./rpm.ts";
import { rubyCataloger } from "./ruby.ts";

/** Every cataloger, in report order: OS packages first, then language ecosystems. */
export const CATALOGERS: readonly Cataloger[] = [dpkgCataloger, apkCataloger, rpmCataloger, npmCataloger, pythonCataloger, goBinaryCataloger, javaCataloger, rubyCataloger, phpCataloger];

/** The union of what the chosen catalogers need, for the layer reader. */
export function selectorFor(catalogers: readonly Cataloger[] = CATALOGERS): FileSelector {
  return {
    wantsContent: (path) => wantsOsRelease(path) || catalogers.some((c) => c.wantsContent(path)),
    probeExecutables: catalogers.some((c) => c.probeExecutables),
  };
}

/** Runs every cataloger over the squashed tree. */
export async function catalogTree(tree: FileTree, catalogers: readonly Cataloger[] = CATALOGERS): Promise<{ distro?: Distro; packages: Package[] }> {
  const distro = await detectDistro(tree);
  const packages: Package[] = [];
  for (const c of catalogers) packages.push(...(await c.catalog({ tree, distro })));
  return { distro, packages };
}
