/**
 * The dashboard's browser code. It is served as `(${dashboardClient})()`, so this function must
 * stay self-contained: no imports, no references to anything outside its body. Plain DOM, hash
 * routes, every text set through textContent (never innerHTML with data).
 */
export function dashboardClient(): void {
  type Json = any;
  type Child = Node | string | number | null | undefined | false;
  const $main = document.getElementById("main")!;
  const $nav = document.getElementById("nav")!;
  const $pickers = document.getElementById("pickers")!;
  const state = { account: localStorage.getItem("ks.account") ?? "", cluster: localStorage.getItem("ks.cluster") ?? "", accounts: [] as string[], clusters: [] as Json[], user: "" };

  function h(tag: string, attrs: Record<string, any> = {}, ...children: Child[]): HTMLElement {
    const el = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) {
      if (v === undefined || v === null || v === false) continue;
      if (k.startsWith("on") && typeof v === "function") el.addEventListener(k.slice(2), v);
      else if (k === "class") el.className = String(v);
      else el.setAttribute(k, v === true ? "" : String(v));
    }
    for (const c of children) if (c !== null && c !== undefined && c !== false) el.append(c instanceof Node ? c : String(c));
    return el;
  }
  const svg = (tag: string, attrs: Record<string, string | number>) => {
    const el = document.createElementNS("http://www.w3.org/2000/svg", tag);
    for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
    return el;
  };
  const pill = (text: string) => h("span", { class: `pill ${String(text).toLowerCase().replace(/\s+/g, "-")}` }, text);
  const when = (ms: number) => (ms ? new Date(ms).toLocaleString() : "—");
  const table = (headers: string[], rows: HTMLElement[]) => h("table", {}, h("thead", {}, h("tr", {}, ...headers.map((x) => h("th", {}, x)))), h("tbody", {}, ...rows));
  const empty = (text: string) => h("p", { class: "muted" }, text);

  async function api(path: string, init: RequestInit = {}): Promise<Json> {
    const sep = path.includes("?") ? "&" : "?";
    const url = state.account && !path.startsWith("/api/v1/login") && !path.startsWith("/api/v1/session") ? `${path}${sep}account=${encodeURIComponent(state.account)}` : path;
    const r = await fetch(url, { ...init, headers: { "content-type": "application/json", ...(init.headers ?? {}) }, credentials: "same-origin" });
    const body = await r.json().catch(() => ({}));
    if (r.status === 401 && !path.startsWith("/api/v1/login")) {
      showLogin();
      throw new Error("signed out");
    }
    if (!r.ok) throw new Error(body.message || `${r.status}`);
    return body;
  }

  function showLogin(message = "") {
    $nav.replaceChildren();
    $pickers.replaceChildren();
    const err = h("div", { class: "error" }, message);
    const user = h("input", { type: "text", name: "user", value: "admin", autocomplete: "username" }) as HTMLInputElement;
    const pass = h("input", { type: "password", name: "password", autocomplete: "current-password" }) as HTMLInputElement;
    const form = h(
      "form",
      {
        class: "card login",
        onsubmit: async (e: Event) => {
          e.preventDefault();
          try {
            await api("/api/v1/login", { method: "POST", body: JSON.stringify({ user: user.value, password: pass.value }) });
            await start();
          } catch (x) {
            err.textContent = (x as Error).message;
          }
        },
      },
      h("h1", {}, "Sign in"),
      h("label", {}, "User"),
      user,
      h("label", {}, "Password"),
      pass,
      err,
      h("p", {}, h("button", { type: "submit" }, "Sign in")),
    );
    $main.replaceChildren(form);
    pass.focus();
  }

  const ROUTES: Array<[string, string]> = [
    ["#/", "Clusters"],
    ["#/posture", "Posture"],
    ["#/images", "Images & CVEs"],
    ["#/inventory", "Inventory"],
    ["#/jobs", "Jobs"],
    ["#/schedules", "Schedules"],
  ];

  function renderChrome() {
    const current = location.hash || "#/";
    $nav.replaceChildren(...ROUTES.map(([href, label]) => h("a", { href, class: current === href || (href !== "#/" && current.startsWith(href)) || (href === "#/posture" && current.startsWith("#/control")) ? "active" : "" }, label)));
    const acct = h("select", { title: "account", onchange: (e: Event) => { state.account = (e.target as HTMLSelectElement).value; localStorage.setItem("ks.account", state.account); void refreshClusters().then(() => route()); } },
      ...state.accounts.map((a) => h("option", { value: a, selected: a === state.account }, a))) as HTMLSelectElement;
    const clus = h("select", { title: "cluster", id: "cluster-picker", onchange: (e: Event) => { state.cluster = (e.target as HTMLSelectElement).value; localStorage.setItem("ks.cluster", state.cluster); route(); } },
      ...state.clusters.map((c) => h("option", { value: c.name, selected: c.name === state.cluster }, c.name)));
    const out = h("button", { onclick: async () => { await api("/api/v1/logout", { method: "POST" }); showLogin(); } }, "Sign out");
    $pickers.replaceChildren(acct, clus, out);
  }

  async function refreshClusters() {
    state.clusters = await api("/api/v1/clusters");
    if (!state.clusters.some((c: Json) => c.name === state.cluster)) state.cluster = state.clusters[0]?.name ?? "";
  }

  // ---- views -----------------------------------------------------------------------------
  async function viewClusters() {
    await refreshClusters();
    renderChrome();
    if (state.clusters.length === 0) return [h("h1", {}, "Clusters"), empty("No cluster has reported yet. Install the chart with this backend's URL and an API key.")];
    return [
      h("h1", {}, "Clusters"),
      h("div", { class: "grid" }, ...state.clusters.map((c: Json) =>
        h("div", { class: "card" },
          h("h3", {}, h("span", { class: `dot ${c.connected ? "on" : ""}`, title: c.connected ? "gateway connected" : "gateway not connected" }), c.name),
          h("div", { class: "kv" }, h("span", { class: "muted" }, "Kubernetes"), c.serverVersion || "—"),
          h("div", { class: "kv" }, h("span", { class: "muted" }, "Last report"), when(c.lastSeen)),
          ...c.frameworks.map((f: Json) => h("div", { class: "kv" }, h("span", {}, f.framework), h("strong", {}, `${f.compliance.toFixed(1)}%`))),
          h("div", { class: "kv" }, h("span", { class: "muted" }, "Images"), String(c.images)),
          h("div", { class: "kv" }, h("span", { class: "muted" }, "Critical / high CVEs"), h("span", {}, h("span", { class: c.critical > 0 ? "pill critical" : "pill" }, String(c.critical)), " ", h("span", { class: c.high > 0 ? "pill high" : "pill" }, String(c.high)))),
          h("p", {}, h("button", { class: "secondary", onclick: () => { state.cluster = c.name; localStorage.setItem("ks.cluster", c.name); location.hash = "#/posture"; } }, "Posture →")),
        ))),
    ];
  }

  function trendChart(points: Json[]): SVGElement {
    const W = 640, H = 200, P = 34;
    const root = svg("svg", { class: "chart", width: W, height: H, viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": "score trend" });
    root.append(svg("line", { class: "axis", x1: P, y1: H - P, x2: W - 10, y2: H - P }), svg("line", { class: "axis", x1: P, y1: 10, x2: P, y2: H - P }));
    for (const v of [0, 50, 100]) {
      const y = H - P - (v / 100) * (H - P - 10);
      const t = svg("text", { x: 4, y: y + 4 });
      t.textContent = `${v}%`;
      root.append(t, svg("line", { class: "axis", x1: P, y1: y, x2: W - 10, y2: y, "stroke-dasharray": "2 4" }));
    }
    if (points.length === 0) return root;
    const t0 = points[0].generatedAt, t1 = points[points.length - 1].generatedAt;
    const x = (t: number) => P + (t1 === t0 ? (W - P - 10) / 2 : ((t - t0) / (t1 - t0)) * (W - P - 20));
    const y = (s: number) => H - P - (Math.max(0, Math.min(100, s)) / 100) * (H - P - 10);
    root.append(svg("polyline", { class: "line", points: points.map((p) => `${x(p.generatedAt).toFixed(1)},${y(p.compliance).toFixed(1)}`).join(" ") }));
    for (const p of points) {
      const c = svg("circle", { class: "pt", cx: x(p.generatedAt).toFixed(1), cy: y(p.compliance).toFixed(1), r: 3.5 });
      const title = svg("title", {});
      title.textContent = `${new Date(p.generatedAt).toLocaleString()}: ${p.compliance.toFixed(1)}%`;
      c.append(title);
      root.append(c);
    }
    for (const [t, anchor] of [[t0, "start"], [t1, "end"]] as const) {
      const label = svg("text", { x: x(t), y: H - 12, "text-anchor": anchor });
      label.textContent = new Date(t).toLocaleDateString();
      root.append(label);
    }
    return root;
  }

  async function viewPosture() {
    if (!state.cluster) return [h("h1", {}, "Posture"), empty("No cluster yet.")];
    const scores: Json[] = await api(`/api/v1/posture?cluster=${encodeURIComponent(state.cluster)}`);
    const fw = localStorage.getItem("ks.framework") && scores.some((s) => s.framework === localStorage.getItem("ks.framework")) ? localStorage.getItem("ks.framework")! : scores[0]?.framework;
    if (!fw) return [h("h1", {}, `Posture · ${state.cluster}`), empty("No posture report from this cluster yet.")];
    const [trend, controls] = await Promise.all([
      api(`/api/v1/posture/trend?cluster=${encodeURIComponent(state.cluster)}&framework=${encodeURIComponent(fw)}&days=30`),
      api(`/api/v1/controls?cluster=${encodeURIComponent(state.cluster)}&framework=${encodeURIComponent(fw)}`),
    ]);
    const current = scores.find((s) => s.framework === fw);
    const picker = h("select", { id: "framework-picker", onchange: (e: Event) => { localStorage.setItem("ks.framework", (e.target as HTMLSelectElement).value); route(); } }, ...scores.map((s) => h("option", { value: s.framework, selected: s.framework === fw }, s.framework)));
    return [
      h("h1", {}, `Posture · ${state.cluster}`),
      h("div", { class: "filters" }, h("span", {}, "Framework"), picker),
      h("div", { class: "row" },
        h("div", { class: "card" }, h("div", { class: "muted" }, `${fw} compliance`), h("div", { class: "score", id: "framework-score" }, `${current.compliance.toFixed(1)}%`),
          h("div", { class: "muted" }, `${current.failedControls} of ${current.totalControls} controls failing`), h("div", { class: "muted" }, `${current.failedResources} failing resources`)),
        h("div", {}, h("div", { class: "muted" }, "Last 30 days"), trendChart(trend))),
      h("h2", {}, "Controls"),
      table(["Control", "Name", "Severity", "Status", "Failing resources"], controls.map((c: Json) =>
        h("tr", { class: "click", onclick: () => (location.hash = `#/control/${encodeURIComponent(c.controlId)}`) },
          h("td", { class: "mono" }, c.controlId), h("td", {}, c.name), h("td", {}, pill(c.severity)), h("td", {}, pill(c.status)), h("td", {}, String(c.failedResources))))),
    ];
  }

  async function viewControl(id: string) {
    const [controls, resources] = await Promise.all([
      api(`/api/v1/controls?cluster=${encodeURIComponent(state.cluster)}`),
      api(`/api/v1/controls/${encodeURIComponent(id)}/resources?cluster=${encodeURIComponent(state.cluster)}`),
    ]);
    const c = controls.find((x: Json) => x.controlId === id);
    return [
      h("p", {}, h("a", { href: "#/posture" }, "← Posture")),
      h("h1", {}, `${id} · ${c?.name ?? ""}`),
      c ? h("p", {}, pill(c.severity), " ", pill(c.status), ` ${c.failedResources} failing, ${c.passedResources} passing`) : null,
      c?.description ? h("p", { class: "muted" }, c.description) : null,
      c?.remediation ? h("div", { class: "notice" }, h("strong", {}, "Remediation: "), c.remediation) : null,
      resources.length === 0 ? empty("No failing resources.") :
        table(["Resource", "Namespace", "Failed paths", "Fix"], resources.map((r: Json) =>
          h("tr", {}, h("td", {}, h("strong", {}, r.name), h("div", { class: "muted" }, r.kind)), h("td", {}, r.namespace || "—"),
            h("td", {}, ...r.failedPaths.map((p: string) => h("div", { class: "mono" }, p))),
            h("td", {}, ...(r.fixes.length ? r.fixes.map((f: Json) => h("div", { class: "mono fix" }, `${f.path} = ${f.value}`)) : [h("span", { class: "muted" }, "review manually")]))))),
    ];
  }

  async function viewImages() {
    const params = new URLSearchParams(location.hash.split("?")[1] ?? "");
    const q = new URLSearchParams();
    if (state.cluster) q.set("cluster", state.cluster);
    for (const k of ["severity", "fixable", "namespace"]) if (params.get(k)) q.set(k, params.get(k)!);
    const [images, vulns] = await Promise.all([api(`/api/v1/images?${q}`), api(`/api/v1/vulnerabilities?${q}&limit=500`)]);
    const sev = h("select", { name: "severity" }, ...["", "critical", "high", "medium", "low"].map((s) => h("option", { value: s, selected: params.get("severity") === s }, s || "any severity")));
    const fix = h("input", { type: "checkbox", name: "fixable", checked: params.get("fixable") === "true" }) as HTMLInputElement;
    const ns = h("input", { type: "text", name: "namespace", placeholder: "namespace", value: params.get("namespace") ?? "" }) as HTMLInputElement;
    const apply = () => {
      const p = new URLSearchParams();
      if ((sev as HTMLSelectElement).value) p.set("severity", (sev as HTMLSelectElement).value);
      if (fix.checked) p.set("fixable", "true");
      if (ns.value) p.set("namespace", ns.value);
      location.hash = `#/images?${p}`;
    };
    return [
      h("h1", {}, `Images & CVEs · ${state.cluster || "all clusters"}`),
      h("form", { class: "filters", onsubmit: (e: Event) => { e.preventDefault(); apply(); } }, sev, h("label", {}, fix, " fix available"), ns, h("button", { type: "submit" }, "Filter")),
      h("h2", {}, `Images (${images.length})`),
      images.length === 0 ? empty("No image scan matches.") :
        table(["Image", "Workload", "Critical", "High", "Medium", "Low", "Fixable", "Scanned"], images.map((i: Json) =>
          h("tr", {}, h("td", { class: "mono" }, i.imageTag), h("td", {}, `${i.namespace}/${i.workloadName}`, h("div", { class: "muted" }, i.container)),
            h("td", {}, h("span", { class: i.critical > 0 ? "pill critical" : "pill" }, String(i.critical))), h("td", {}, h("span", { class: i.high > 0 ? "pill high" : "pill" }, String(i.high))), h("td", {}, String(i.medium)), h("td", {}, String(i.low)), h("td", {}, String(i.fixable)), h("td", {}, when(i.scannedAt))))),
      h("h2", {}, `Vulnerabilities (${vulns.length})`),
      vulns.length === 0 ? empty("No vulnerability matches.") :
        table(["CVE", "Severity", "Package", "Fixed in", "Image", "Namespace"], vulns.map((v: Json) =>
          h("tr", {}, h("td", { class: "mono" }, v.link ? h("a", { href: v.link, rel: "noreferrer", target: "_blank" }, v.cve) : v.cve), h("td", {}, pill(v.severity)),
            h("td", { class: "mono" }, `${v.package} ${v.version}`), h("td", { class: "mono fix" }, v.fixVersions.join(", ") || "—"), h("td", { class: "mono" }, v.imageTag), h("td", {}, v.namespace)))),
    ];
  }

  async function viewInventory() {
    if (!state.cluster) return [h("h1", {}, "Inventory"), empty("No cluster yet.")];
    const [items, repos]: [Json[], Json[]] = await Promise.all([api(`/api/v1/inventory?cluster=${encodeURIComponent(state.cluster)}`), api("/api/v1/registries")]);
    const kinds = [...new Set(items.map((i) => i.kind))];
    return [
      h("h1", {}, `Inventory · ${state.cluster}`),
      items.length === 0 ? empty("Kollector has not reported this cluster's inventory yet.") : h("div", {}, ...kinds.map((k) => {
        const own = items.filter((i) => i.kind === k);
        return h("div", {}, h("h2", {}, `${k} (${own.length})`), table(["Namespace", "Name", "Updated"], own.map((i) => h("tr", {}, h("td", {}, i.namespace || "—"), h("td", {}, i.name), h("td", {}, when(i.updatedAt))))));
      })),
      repos.length ? h("div", {}, h("h2", {}, `Registry repositories (${repos.length})`), table(["Registry", "Repository", "Reported"], repos.map((r) => h("tr", {}, h("td", {}, r.registry), h("td", { class: "mono" }, r.repository), h("td", {}, when(r.receivedAt)))))) : null,
    ];
  }

  function jobNode(j: Json): HTMLElement {
    return h("li", {},
      h("div", { class: "job" }, pill(j.status || "?"), " ", h("strong", {}, j.action || j.reporter), " ", h("span", { class: "muted" }, `${j.cluster || ""} · ${when(j.firstSeen)} → ${when(j.lastSeen)}`),
        h("div", { class: "muted mono" }, j.jobId), ...(j.errors.length ? [h("div", { class: "error" }, j.errors.join("; "))] : [])),
      j.children.length ? h("ul", { class: "tree" }, ...j.children.map(jobNode)) : null);
  }

  async function viewJobs() {
    const jobs: Json[] = await api("/api/v1/jobs?days=7");
    return [h("h1", {}, "Jobs (last 7 days)"), jobs.length === 0 ? empty("No jobs reported yet.") : h("ul", { class: "tree", id: "jobs-tree" }, ...jobs.map(jobNode))];
  }

  let notice = "";
  async function viewSchedules() {
    const schedules: Json[] = await api("/api/v1/schedules");
    // The notice survives the re-render that follows a change.
    const msg = h("div", { class: "notice", id: "schedule-message", hidden: !notice }, notice);
    notice = "";
    const say = (text: string) => { notice = text; msg.textContent = text; msg.hidden = false; };
    const kind = h("select", { name: "kind" }, h("option", { value: "posture" }, "posture scan"), h("option", { value: "image" }, "image scan"), h("option", { value: "registry" }, "registry scan")) as HTMLSelectElement;
    const nameIn = h("input", { type: "text", name: "name", placeholder: "nightly posture", required: true }) as HTMLInputElement;
    const cron = h("input", { type: "text", name: "cron", value: "0 3 * * *", required: true }) as HTMLInputElement;
    const target = h("input", { type: "text", name: "target", placeholder: "frameworks (nsa,mitre) / namespace / registry" }) as HTMLInputElement;
    const targetOf = (k: string, v: string): Json => (k === "posture" ? (v ? { frameworks: v.split(",").map((s) => s.trim()).filter(Boolean) } : {}) : k === "image" ? (v ? { namespace: v } : {}) : { registryName: v });
    const create = h("form", {
      class: "inline", id: "schedule-form",
      onsubmit: async (e: Event) => {
        e.preventDefault();
        try {
          const s = await api("/api/v1/schedules", { method: "POST", body: JSON.stringify({ cluster: state.cluster, kind: kind.value, name: nameIn.value, cron: cron.value, target: targetOf(kind.value, target.value) }) });
          say(s.delivered > 0 ? `Schedule “${s.name}” created and sent to ${state.cluster}.` : `Schedule “${s.name}” saved; ${state.cluster} is not connected, so it was not delivered.`);
          await route(false);
        } catch (x) { say((x as Error).message); }
      },
    },
      h("label", {}, "Kind", kind), h("label", {}, "Name", nameIn), h("label", {}, "Cron (UTC)", cron), h("label", {}, "Target", target), h("button", { type: "submit" }, "Create schedule"));
    const scanNow = (k: string, t: Json) => async () => {
      try {
        const r = await api("/api/v1/scans", { method: "POST", body: JSON.stringify({ cluster: state.cluster, kind: k, target: t }) });
        say(`Scan started on ${state.cluster} (job ${r.jobId}).`);
      } catch (x) { say((x as Error).message); }
    };
    const rows = schedules.map((s) => {
      const cronEdit = h("input", { type: "text", value: s.cron, size: 12, "aria-label": `cron of ${s.name}` }) as HTMLInputElement;
      return h("tr", {}, h("td", {}, h("strong", {}, s.name)), h("td", {}, s.kind), h("td", {}, s.cluster), h("td", { class: "mono" }, JSON.stringify(s.target)), h("td", {}, cronEdit), h("td", { class: "mono muted" }, s.cronjobName),
        h("td", {},
          h("button", { class: "secondary", onclick: async () => { try { await api(`/api/v1/schedules/${s.id}`, { method: "PUT", body: JSON.stringify({ cron: cronEdit.value }) }); say(`Schedule “${s.name}” changed.`); await route(false); } catch (x) { say((x as Error).message); } } }, "Save"), " ",
          h("button", { class: "secondary", onclick: scanNow(s.kind, s.target) }, "Scan now"), " ",
          h("button", { class: "danger", onclick: async () => { if (!confirm(`Delete ${s.name}?`)) return; await api(`/api/v1/schedules/${s.id}`, { method: "DELETE" }); await route(false); } }, "Delete")));
    });
    return [
      h("h1", {}, "Schedules"),
      msg,
      h("div", { class: "filters" }, h("strong", {}, `Scan ${state.cluster || "—"} now:`),
        h("button", { id: "scan-now-posture", onclick: scanNow("posture", {}) }, "Posture"), h("button", { id: "scan-now-image", onclick: scanNow("image", {}) }, "Images")),
      h("h2", {}, `New recurring scan on ${state.cluster || "—"}`),
      create,
      h("h2", {}, "Recurring scans"),
      schedules.length === 0 ? empty("No recurring scans yet.") : table(["Name", "Kind", "Cluster", "Target", "Cron", "CronJob", ""], rows),
    ];
  }

  let routing = 0;
  async function route(showLoading = true) {
    const ticket = ++routing;
    renderChrome();
    const hash = location.hash || "#/";
    if (showLoading) $main.replaceChildren(h("p", { class: "muted" }, "Loading…"));
    try {
      let nodes: Child[];
      if (hash.startsWith("#/control/")) nodes = await viewControl(decodeURIComponent(hash.slice("#/control/".length)));
      else if (hash.startsWith("#/posture")) nodes = await viewPosture();
      else if (hash.startsWith("#/images")) nodes = await viewImages();
      else if (hash.startsWith("#/inventory")) nodes = await viewInventory();
      else if (hash.startsWith("#/jobs")) nodes = await viewJobs();
      else if (hash.startsWith("#/schedules")) nodes = await viewSchedules();
      else nodes = await viewClusters();
      if (ticket === routing) $main.replaceChildren(...(nodes.filter(Boolean) as Array<Node | string>));
    } catch (x) {
      if ((x as Error).message !== "signed out") $main.replaceChildren(h("div", { class: "error" }, (x as Error).message));
    }
  }

  let liveTimer: ReturnType<typeof setTimeout> | undefined;
  function connectLive() {
    const ws = new WebSocket(`${location.protocol === "https:" ? "wss" : "ws"}://${location.host}/api/v1/live`);
    ws.onmessage = (e) => {
      const event = JSON.parse(e.data);
      if (event.account !== state.account) return;
      // Coalesce bursts (many chunks, many job events) into one refresh; keep form input.
      clearTimeout(liveTimer);
      liveTimer = setTimeout(() => { if (!(location.hash || "").startsWith("#/schedules")) void route(false); }, 500);
    };
    ws.onclose = () => setTimeout(connectLive, 3000);
  }

  async function start() {
    try {
      const s = await api("/api/v1/session");
      state.user = s.user;
      state.accounts = s.accounts;
    } catch {
      return;
    }
    if (!state.accounts.includes(state.account)) state.account = state.accounts[0] ?? "";
    await refreshClusters().catch(() => {});
    await route();
    connectLive();
  }

  window.addEventListener("hashchange", () => void route());
  fetch("/api/v1/session").then(async (r) => {
    if (r.status === 401) {
      const body = await r.json().catch(() => ({}));
      showLogin(String(body.message ?? "").includes("disabled") ? body.message : "");
    } else void start();
  });
}
