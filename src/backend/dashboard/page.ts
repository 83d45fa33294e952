/** The dashboard's HTML shell and stylesheet, embedded so `bun build --compile` carries them. */
export const DASHBOARD_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>ks backend · dashboard</title>
<link rel="stylesheet" href="/assets/app.css">
</head>
<body>
<header id="top">
  <div class="brand"><span class="logo">◆</span> ks <small>self-hosted</small></div>
  <nav id="nav"></nav>
  <div id="pickers"></div>
</header>
<main id="main"><p class="muted">Loading…</p></main>
<script src="/assets/app.js" defer></script>
</body>
</html>`;

export const DASHBOARD_CSS = `
:root { --bg:#f5f6f8; --panel:#fff; --ink:#1d2330; --muted:#6b7385; --line:#e2e5eb; --accent:#2f6fde;
  --crit:#b3261e; --high:#e8710a; --med:#c9a100; --low:#3a8f5c; --ok:#2e7d32; --bad:#c62828; }
* { box-sizing:border-box; }
body { margin:0; font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif; background:var(--bg); color:var(--ink); }
header { display:flex; align-items:center; gap:24px; padding:0 24px; height:56px; background:#151b2b; color:#fff; position:sticky; top:0; z-index:2; }
.brand { font-weight:700; font-size:17px; white-space:nowrap; } .brand small { font-weight:400; color:#9aa4bd; margin-left:4px; }
.logo { color:#5d9bff; }
nav { display:flex; gap:4px; flex:1; }
nav a { color:#c7cee0; text-decoration:none; padding:8px 12px; border-radius:6px; }
nav a.active, nav a:hover { background:#26304a; color:#fff; }
#pickers { display:flex; gap:8px; align-items:center; }
#pickers select, #pickers button { background:#26304a; color:#fff; border:1px solid #38446a; border-radius:6px; padding:6px 8px; }
main { max-width:1280px; margin:24px auto; padding:0 24px; }
h1 { font-size:22px; margin:0 0 16px; } h2 { font-size:16px; margin:24px 0 8px; }
.muted { color:var(--muted); }
.grid { display:grid; grid-template-columns:repeat(auto-fill,minmax(300px,1fr)); gap:16px; }
.card { background:var(--panel); border:1px solid var(--line); border-radius:10px; padding:16px; }
.card h3 { margin:0 0 8px; font-size:16px; display:flex; align-items:center; gap:8px; }
.dot { width:9px; height:9px; border-radius:50%; display:inline-block; background:#aab; } .dot.on { background:var(--ok); }
.kv { display:flex; justify-content:space-between; padding:3px 0; border-bottom:1px dashed var(--line); } .kv:last-child { border:0; }
table { width:100%; border-collapse:collapse; background:var(--panel); border:1px solid var(--line); border-radius:10px; overflow:hidden; }
th, td { text-align:left; padding:8px 10px; border-bottom:1px solid var(--line); vertical-align:top; }
th { background:#eef1f6; font-weight:600; font-size:12px; text-transform:uppercase; letter-spacing:.03em; color:#4a5366; }
tr.click { cursor:pointer; } tr.click:hover td { background:#f1f5ff; }
.pill { display:inline-block; padding:1px 8px; border-radius:10px; font-size:12px; font-weight:600; color:#fff; background:#8a93a6; }
.pill.critical { background:var(--crit); } .pill.high { background:var(--high); } .pill.medium { background:var(--med); } .pill.low { background:var(--low); }
.pill.failed, .pill.failure, .pill.not-delivered { background:var(--bad); } .pill.passed, .pill.done, .pill.success, .pill.sent { background:var(--ok); }
.score { font-size:40px; font-weight:700; } .score small { font-size:14px; color:var(--muted); font-weight:400; }
.row { display:flex; gap:16px; align-items:flex-start; flex-wrap:wrap; }
.filters { display:flex; gap:12px; align-items:center; flex-wrap:wrap; margin:0 0 12px; background:var(--panel); border:1px solid var(--line); border-radius:10px; padding:10px 12px; }
input, select, button { font:inherit; }
input[type=text], input[type=password], select { border:1px solid #c9cfda; border-radius:6px; padding:6px 8px; background:#fff; }
button { border:0; border-radius:6px; padding:7px 14px; background:var(--accent); color:#fff; cursor:pointer; }
button.secondary { background:#e6eaf2; color:var(--ink); } button.danger { background:var(--bad); }
td.mono, td .mono { word-break:break-all; }
code, .mono { font-family:ui-monospace,SFMono-Regular,Menlo,monospace; font-size:12.5px; }
.fix { color:var(--ok); }
.login { max-width:360px; margin:80px auto; } .login label { display:block; margin:10px 0 4px; } .login input { width:100%; }
.error { color:var(--bad); margin:8px 0; }
.notice { background:#fff7e0; border:1px solid #f0d48a; padding:8px 12px; border-radius:8px; margin:0 0 12px; }
.tree { list-style:none; padding-left:18px; border-left:2px solid var(--line); margin:4px 0; }
.tree > li { margin:6px 0; } .job { background:var(--panel); border:1px solid var(--line); border-radius:8px; padding:8px 10px; }
svg.chart { background:var(--panel); border:1px solid var(--line); border-radius:10px; }
.chart .axis { stroke:#c9cfda; } .chart .line { fill:none; stroke:var(--accent); stroke-width:2.5; } .chart .pt { fill:var(--accent); }
.chart text { font-size:11px; fill:var(--muted); }
form.inline { display:flex; gap:8px; flex-wrap:wrap; align-items:end; background:var(--panel); border:1px solid var(--line); border-radius:10px; padding:12px; }
form.inline label { display:flex; flex-direction:column; font-size:12px; color:var(--muted); gap:3px; }
`;
