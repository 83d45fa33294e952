import { describe, expect, test } from "bun:test";
import { gzipSync } from "node:zlib";
import { ImageContentError, LimitExceededError, withLimits } from "../../../src/kubevuln/image/limits.ts";
import { readImage } from "../../../src/kubevuln/image/readImage.ts";
import type { FileSelector } from "../../../src/kubevuln/image/squash.ts";
import { readTar } from "../../../src/kubevuln/image/tar.ts";
import { memoryImage } from "../support/memorySource.ts";
import { makeTar, streamOf } from "../support/tarWriter.ts";

const keepEtc: FileSelector = { wantsContent: (p) => p.startsWith("/etc/") || p.startsWith("/data/"), probeExecutables: false };

async function view(layers: Uint8Array[], limits = {}) {
  return readImage(memoryImage(layers), keepEtc, withLimits(limits));
}

describe("tar reader", () => {
  test("reads ustar entries, PAX long names, symlinks and bodies split across chunks", async () => {
    const long = `deep/${"d".repeat(120)}/file.txt`;
    const tar = makeTar([
      { name: "etc/", type: "dir" },
      { name: "etc/a.txt", content: "alpha" },
      { name: long, content: "x".repeat(1500) },
      { name: "etc/link", type: "symlink", linkName: "a.txt" },
    ]);
    const seen: Array<[string, string, number]> = [];
    for await (const e of readTar(streamOf(tar, 333))) {
      let text = "";
      for await (const c of e.body()) text += new TextDecoder().decode(c);
      seen.push([e.header.name, e.header.type, text.length]);
    }
    expect(seen).toEqual([
      ["etc/", "dir", 0],
      ["etc/a.txt", "file", 5],
      [long, "file", 1500],
      ["etc/link", "symlink", 0],
    ]);
  });

  test("a corrupt header is refused by its checksum", async () => {
    const tar = makeTar([{ name: "etc/a", content: "a" }]);
    tar[10] = 0x41;
    const run = async () => {
      for await (const _ of readTar(streamOf(tar))) {
        /* read */
      }
    };
    await expect(run()).rejects.toThrow(/checksum/);
  });
});

describe("layer squashing", () => {
  test("upper layers replace files; .wh. and opaque whiteouts remove lower content", async () => {
    const lower = makeTar([
      { name: "etc/keep", content: "lower" },
      { name: "etc/gone", content: "x" },
      { name: "etc/sub/one", content: "1" },
      { name: "data/old/a", content: "a" },
    ]);
    const upper = makeTar([
      { name: "etc/keep", content: "upper" },
      { name: "etc/.wh.gone" },
      { name: "data/old/.wh..wh..opq" },
      { name: "data/old/b", content: "b" },
      { name: "etc/.wh.sub" },
    ]);
    const v = await view([gzipSync(lower), upper]);
    expect(await v.tree.readText("/etc/keep")).toBe("upper");
    expect(v.tree.file("/etc/gone")).toBeUndefined();
    expect(v.tree.file("/etc/sub/one")).toBeUndefined();
    expect(v.tree.file("/data/old/a")).toBeUndefined();
    expect(await v.tree.readText("/data/old/b")).toBe("b");
    expect(v.layers).toHaveLength(2);
    v.store.dispose();
  });

  test("a file or link replacing a lower folder removes the folder's lower content", async () => {
    const lower = makeTar([
      { name: "etc/conf.d/a", content: "a" },
      { name: "etc/other/b", content: "b" },
    ]);
    const upper = makeTar([
      { name: "etc/conf.d", content: "now a file" },
      { name: "etc/other", type: "symlink", linkName: "conf.d" },
    ]);
    const v = await view([lower, upper]);
    expect(v.tree.file("/etc/conf.d/a")).toBeUndefined();
    expect(await v.tree.readText("/etc/conf.d")).toBe("now a file");
    expect(v.tree.file("/etc/other/b")).toBeUndefined();
    v.store.dispose();
  });

  test("symlinks resolve inside the image, absolute and relative, never above its root", async () => {
    const layer = makeTar([
      { name: "usr/lib/os-release", content: "ID=debian" },
      { name: "etc/os-release", type: "symlink", linkName: "../usr/lib/os-release" },
      { name: "etc/abs", type: "symlink", linkName: "/usr/lib/os-release" },
      { name: "etc/escape", type: "symlink", linkName: "../../../../../../etc/hostname-of-host" },
      { name: "etc/hostname-of-host", content: "image's own" },
    ]);
    const v = await readImage(memoryImage([layer]), { wantsContent: () => true, probeExecutables: false }, withLimits({}));
    expect(await v.tree.readText("/etc/os-release")).toBe("ID=debian");
    expect(await v.tree.readText("/etc/abs")).toBe("ID=debian");
    // clamped at the image root: resolves to the image's /etc/hostname-of-host
    expect(await v.tree.readText("/etc/escape")).toBe("image's own");
    v.store.dispose();
  });

  test("an entry path with .. is refused as path traversal", async () => {
    const layer = makeTar([{ name: "../../etc/passwd", content: "root:x:0:0" }]);
    await expect(view([layer])).rejects.toThrow(/path traversal refused/);
  });

  test("zstd layers are read like gzip ones", async () => {
    const layer = makeTar([{ name: "etc/z", content: "zstd content" }]);
    const v = await view([Bun.zstdCompressSync(layer)]);
    expect(await v.tree.readText("/etc/z")).toBe("zstd content");
    v.store.dispose();
  });
});

describe("hostile and broken layers", () => {
  test("a gzip bomb stops at the compression-ratio limit", async () => {
    const bomb = makeTar([{ name: "data/zeros", content: new Uint8Array(40 * 1024 * 1024) }]);
    const err = await view([gzipSync(bomb)], { ratioGraceBytes: 1024 * 1024, maxCompressionRatio: 100 }).catch((e) => e);
    expect(err).toBeInstanceOf(LimitExceededError);
    expect((err as LimitExceededError).limit).toBe("maxCompressionRatio");
    expect(String(err)).toMatch(/decompression ratio above 100:1/);
  });

  test("a truncated gzip layer fails with a clear error", async () => {
    const gz = gzipSync(makeTar([{ name: "etc/a", content: "y".repeat(100_000) }]));
    const err = await view([gz.subarray(0, Math.floor(gz.length / 2))]).catch((e) => e);
    expect(err).toBeInstanceOf(ImageContentError);
    expect(String(err)).toMatch(/truncated|digest mismatch|corrupt/);
  });

  test("a truncated plain layer fails inside the entry", async () => {
    const tar = makeTar([{ name: "etc/a", content: "y".repeat(10_000) }]);
    const cut = tar.subarray(0, 3000);
    const err = await readImage(memoryImage([cut], [undefined]), keepEtc, withLimits({})).catch((e) => e);
    expect(String(err)).toMatch(/truncated/);
  });

  test("a layer whose bytes do not match its digest is refused", async () => {
    const tar = makeTar([{ name: "etc/a", content: "a" }]);
    const wrong = `sha256:${"0".repeat(64)}`;
    const err = await readImage(memoryImage([tar], [wrong]), keepEtc, withLimits({})).catch((e) => e);
    expect(String(err)).toMatch(/digest mismatch/);
  });

  test("entry count, file size and image size limits name the limit", async () => {
    const tar = makeTar([
      { name: "etc/a", content: "a".repeat(5000) },
      { name: "etc/b", content: "b" },
      { name: "etc/c", content: "c" },
    ]);
    await expect(view([tar], { maxEntries: 2 })).rejects.toThrow(/maxEntries/);
    await expect(view([tar], { maxFileBytes: 1000 })).rejects.toThrow(/maxFileBytes/);
    await expect(view([tar], { maxImageBytes: 1000 })).rejects.toThrow(/maxImageBytes/);
    await expect(view([tar], { maxUncompressedBytes: 1000 })).rejects.toThrow(/maxUncompressedBytes/);
  });

  test("the time limit aborts a scan with a clear reason", async () => {
    const slow = {
      type: "image" as const,
      name: "slow",
      layers: [
        {
          open: async () =>
            (async function* () {
              yield makeTar([{ name: "etc/a", content: "a" }], { trailer: false });
              await Bun.sleep(2000);
            })(),
        },
      ],
    };
    const { scanSignal } = await import("../../../src/kubevuln/image/readImage.ts");
    const limits = withLimits({ timeoutMs: 50 });
    const started = Date.now();
    const err = await readImage(slow, keepEtc, limits, scanSignal(limits)).catch((e) => e);
    expect(String(err)).toMatch(/timeoutMs/);
    expect(Date.now() - started).toBeLessThan(1900);
  });
});
