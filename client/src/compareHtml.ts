// The WSGI vs ASGI page, as HTML: pure (no vscode import), so unit tests can check what any
// project string becomes (escaped), the Content Security Policy (one nonce, nothing remote) and
// what the links and copy buttons refer to (indexes into `locations` and `texts`, never URIs or
// commands from the page).
import type { Location } from './checklist';

export interface EntryPoint {
  module: string;
  location: Location;
  application: boolean;
  defaultSettings?: string;
}

export interface ServerCommand {
  id: string;
  name: string;
  interface: 'wsgi' | 'asgi';
  summary: string;
  install: string;
  docsUrl: string;
  line: string;
  /** Why the line is not printed: shown instead of it, with nothing to copy. */
  refused?: string;
  requirement: Location | undefined;
}

export interface ProjectComparison {
  root: string;
  name: string;
  settingsModule: string | undefined;
  runFrom: string;
  wsgi: EntryPoint | undefined;
  asgi: EntryPoint | undefined;
  wsgiApplication: Location | undefined;
  asgiApplication: Location | undefined;
  asyncViews: Location[];
  scanned?: { files: number; of: number };
  channels: { installedApps: string[]; routing: Location[]; consumers: Location[]; channelLayers: boolean };
  servers: ServerCommand[];
  recommendation: { interface: 'wsgi' | 'asgi'; reasons: string[] };
  warnings: { message: string; places: Location[] }[];
  rows: [string, string, string][];
}

export interface ComparisonPage {
  html: string;
  /** What `data-open="i"` links open. */
  locations: Location[];
  /** What `data-copy="i"` buttons copy. */
  texts: string[];
}

/** The page for these projects; `relative(l)` names a place for people (`mysite/wsgi.py:3`). */
export function renderComparison(projects: ProjectComparison[], nonce: string, relative: (l: Location) => string): ComparisonPage {
  const page = new Page(relative);
  const html = page.render(projects, nonce);
  return { html, locations: page.locations, texts: page.texts };
}

class Page {
  readonly locations: Location[] = [];
  readonly texts: string[] = [];
  constructor(private readonly relative: (l: Location) => string) {}

  /** A link that opens a place in the editor. */
  link(l: Location, text = this.relative(l)): string {
    this.locations.push(l);
    return `<a href="#" data-open="${this.locations.length - 1}">${esc(text)}</a>`;
  }

  copy(text: string, label: string): string {
    this.texts.push(text);
    return `<button type="button" data-copy="${this.texts.length - 1}" aria-label="Copy: ${esc(label)}">Copy</button>`;
  }

  render(projects: ProjectComparison[], nonce: string): string {
    const csp = `default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}';`;
    const body = projects.length ? projects.map((p) => this.project(p, projects.length > 1)).join('') : '<p>No Django project in this workspace.</p>';
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>WSGI vs ASGI</title>
<style nonce="${nonce}">${STYLE}</style>
</head>
<body>
<header><h1>WSGI vs ASGI</h1><button type="button" id="refresh">Refresh</button></header>
<main>${body}${this.general(projects[0]?.rows ?? [])}</main>
<script nonce="${nonce}">${SCRIPT}</script>
</body>
</html>`;
  }

  private project(p: ProjectComparison, several: boolean): string {
    const rec = p.recommendation;
    const yes = (ok: boolean) => (ok ? '<span class="ok">✓</span>' : '<span class="bad">✗</span>');
    const entry = (e: EntryPoint | undefined, name: string) =>
      e ? `${this.link(e.location, `${name}`)} <code>${esc(e.module)}</code> ${yes(e.application)} <code>application</code>${e.defaultSettings ? `, settings <code>${esc(e.defaultSettings)}</code>` : ''}` : '<span class="bad">✗</span> none';
    const setting = (l: Location | undefined) => (l ? `${this.link(l, l.label)}` : '<span class="muted">not set</span>');
    const list = (places: Location[], max = 12) =>
      places.length ? `<ul>${places.slice(0, max).map((l) => `<li>${this.link(l)} <code>${esc(l.label)}</code></li>`).join('')}${places.length > max ? `<li class="muted">and ${places.length - max} more</li>` : ''}</ul>` : '';
    const inRequirements = p.servers.filter((s) => s.requirement);
    const seen = new Set<string>();
    const required = inRequirements.filter((s) => !seen.has(s.name) && seen.add(s.name));
    const facts = `<table class="facts"><tbody>
<tr><th scope="row">Settings module</th><td>${p.settingsModule ? `<code>${esc(p.settingsModule)}</code>` : '<span class="muted">none found</span>'}</td></tr>
<tr><th scope="row">wsgi.py</th><td>${entry(p.wsgi, 'wsgi.py')}</td></tr>
<tr><th scope="row">asgi.py</th><td>${entry(p.asgi, 'asgi.py')}</td></tr>
<tr><th scope="row">WSGI_APPLICATION</th><td>${setting(p.wsgiApplication)}</td></tr>
<tr><th scope="row">ASGI_APPLICATION</th><td>${setting(p.asgiApplication)}</td></tr>
<tr><th scope="row">Async views</th><td>${p.asyncViews.length}${p.scanned && p.scanned.files < p.scanned.of ? ` <span class="muted">(in the ${p.scanned.files.toLocaleString('en')} Python files nearest the root, of ${p.scanned.of.toLocaleString('en')})</span>` : ''}${list(p.asyncViews)}</td></tr>
<tr><th scope="row">Channels / WebSockets</th><td>${p.channels.installedApps.length || p.channels.routing.length || p.channels.consumers.length ? `${esc(p.channels.installedApps.join(', ') || 'not in INSTALLED_APPS')}${p.channels.channelLayers ? '; CHANNEL_LAYERS set' : ''}${list([...p.channels.routing, ...p.channels.consumers])}` : '<span class="muted">none</span>'}</td></tr>
<tr><th scope="row">Servers in the requirements</th><td>${required.length ? required.map((s) => this.link(s.requirement!, s.name)).join(', ') : '<span class="muted">none</span>'}</td></tr>
</tbody></table>`;
    const warnings = p.warnings.length
      ? `<section class="warnings" aria-label="Warnings"><h3>Warnings</h3><ul>${p.warnings.map((w) => `<li>⚠ ${esc(w.message)}${w.places.length ? ` ${w.places.slice(0, 5).map((l) => this.link(l)).join(', ')}` : ''}</li>`).join('')}</ul></section>`
      : '';
    const commands = (kind: 'wsgi' | 'asgi') => {
      const rows = p.servers.filter((s) => s.interface === kind);
      if (!rows.length) return `<p class="muted">No ${kind === 'wsgi' ? 'wsgi.py' : 'asgi.py'} in this project: nothing for ${kind.toUpperCase()} servers to load.</p>`;
      return `<table class="commands"><thead><tr><th scope="col">Server</th><th scope="col">Command (run from <code>${esc(p.runFrom)}</code>)</th><th scope="col"><span class="sr">Copy</span></th></tr></thead><tbody>${rows
        .map((s) => `<tr${kind === rec.interface ? ' class="recommended"' : ''}><th scope="row">${esc(s.name)}${s.requirement ? ' <span class="badge">in requirements</span>' : ''}<div class="muted small">${esc(s.summary)} <code>${esc(s.install)}</code></div></th>${s.refused ? `<td class="refused">${esc(s.refused)}</td><td></td>` : `<td><code class="line">${esc(s.line)}</code></td><td>${this.copy(s.line, s.name)}</td>`}</tr>`)
        .join('')}</tbody></table>`;
    };
    return `<section class="project" aria-label="${esc(p.name)}">
${several ? `<h2>${esc(p.name)}</h2>` : ''}
<h2>This project</h2>
${facts}
<section class="recommendation" aria-label="Recommendation"><h3>Recommended: ${rec.interface.toUpperCase()}</h3><ul>${rec.reasons.map((r) => `<li>${esc(r)}</li>`).join('')}</ul></section>
${warnings}
<h2>Command lines for this project</h2>
<p class="muted">Behind a reverse proxy (nginx) on 127.0.0.1:8000; change the address to suit. Each line runs from <code>${esc(p.runFrom)}</code>, the folder that holds the project package.</p>
${(rec.interface === 'wsgi' ? (['wsgi', 'asgi'] as const) : (['asgi', 'wsgi'] as const)).map((kind) => `<h3>${kind.toUpperCase()}${kind === rec.interface ? ' (recommended)' : ''}</h3>${commands(kind)}`).join('\n')}
</section>`;
  }

  private general(rows: [string, string, string][]): string {
    if (!rows.length) return '';
    return `<section aria-label="Comparison"><h2>WSGI and ASGI compared</h2><table class="compare"><thead><tr><th scope="col"></th><th scope="col">WSGI</th><th scope="col">ASGI</th></tr></thead><tbody>${rows.map(([a, w, s]) => `<tr><th scope="row">${esc(a)}</th><td>${esc(w)}</td><td>${esc(s)}</td></tr>`).join('')}</tbody></table></section>`;
  }
}

/** Escapes text for HTML content and attribute values. */
export function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/**
 * Every colour is a theme variable (`--vscode-*`), so the page follows the user's theme. The body
 * wears the theme kind's class (`vscode-light`, `vscode-dark`, `vscode-high-contrast`, and also
 * `vscode-high-contrast-light` for the light one): in high contrast, code, buttons, badges and
 * boxes get the theme's contrast borders instead of tinted backgrounds, and focus the active border.
 */
const STYLE = `
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-editor-foreground); background: var(--vscode-editor-background); padding: 0 20px 20px; line-height: 1.5; }
header { display: flex; align-items: center; gap: 16px; }
h1 { font-size: 1.5em; margin: 16px 0 8px; }
h2 { font-size: 1.2em; margin-top: 24px; border-bottom: 1px solid var(--vscode-panel-border, transparent); }
h3 { font-size: 1.05em; margin-bottom: 4px; }
table { border-collapse: collapse; width: 100%; margin: 8px 0; }
th, td { text-align: left; vertical-align: top; padding: 6px 8px; border-bottom: 1px solid var(--vscode-editorWidget-border, transparent); }
th[scope=row] { font-weight: 600; width: 22%; }
code { font-family: var(--vscode-editor-font-family); color: var(--vscode-textPreformat-foreground, var(--vscode-editor-foreground)); background: var(--vscode-textPreformat-background, var(--vscode-textCodeBlock-background)); padding: 1px 4px; border-radius: 3px; }
code.line { white-space: pre-wrap; word-break: break-all; }
td.refused { color: var(--vscode-errorForeground); overflow-wrap: anywhere; }
a { color: var(--vscode-textLink-foreground); }
a:hover { color: var(--vscode-textLink-activeForeground); }
a:focus, button:focus { outline: 1px solid var(--vscode-focusBorder); outline-offset: 2px; }
button { color: var(--vscode-button-foreground); background: var(--vscode-button-background); border: 1px solid var(--vscode-button-border, transparent); padding: 3px 10px; cursor: pointer; border-radius: 2px; font-family: inherit; }
button:hover { background: var(--vscode-button-hoverBackground); }
.muted { color: var(--vscode-descriptionForeground); }
.small { font-size: 0.9em; font-weight: normal; }
.ok { color: var(--vscode-charts-green); }
.bad { color: var(--vscode-errorForeground); }
.badge { font-size: 0.8em; font-weight: normal; padding: 0 6px; border-radius: 8px; background: var(--vscode-badge-background); color: var(--vscode-badge-foreground); }
.recommendation { border-left: 3px solid var(--vscode-focusBorder); padding: 4px 12px; background: var(--vscode-textBlockQuote-background); }
.warnings { border-left: 3px solid var(--vscode-editorWarning-foreground); padding: 4px 12px; }
tr.recommended th[scope=row] { border-left: 3px solid var(--vscode-focusBorder); }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
ul { margin: 4px 0; padding-left: 20px; }
body.vscode-high-contrast code, body.vscode-high-contrast-light code { color: var(--vscode-editor-foreground); background: var(--vscode-editor-background); border: 1px solid var(--vscode-contrastBorder); }
body.vscode-high-contrast th, body.vscode-high-contrast td, body.vscode-high-contrast h2, body.vscode-high-contrast-light th, body.vscode-high-contrast-light td, body.vscode-high-contrast-light h2 { border-bottom-color: var(--vscode-contrastBorder); }
body.vscode-high-contrast .badge, body.vscode-high-contrast-light .badge { border: 1px solid var(--vscode-contrastBorder); }
body.vscode-high-contrast .recommendation, body.vscode-high-contrast-light .recommendation { border: 1px solid var(--vscode-contrastBorder); border-left-width: 3px; background: var(--vscode-editor-background); }
body.vscode-high-contrast button, body.vscode-high-contrast-light button { border-color: var(--vscode-contrastBorder); }
body.vscode-high-contrast button:hover, body.vscode-high-contrast-light button:hover { outline: 1px dashed var(--vscode-contrastActiveBorder); outline-offset: 1px; }
body.vscode-high-contrast a:focus, body.vscode-high-contrast button:focus, body.vscode-high-contrast-light a:focus, body.vscode-high-contrast-light button:focus { outline-color: var(--vscode-contrastActiveBorder); }
`;

const SCRIPT = `
const vscode = acquireVsCodeApi();
document.addEventListener('click', (event) => {
  const target = event.target instanceof Element ? event.target.closest('[data-open],[data-copy],#refresh') : null;
  if (!target) return;
  event.preventDefault();
  if (target.id === 'refresh') vscode.postMessage({ type: 'refresh' });
  else if (target.hasAttribute('data-open')) vscode.postMessage({ type: 'open', index: Number(target.getAttribute('data-open')) });
  else {
    vscode.postMessage({ type: 'copy', index: Number(target.getAttribute('data-copy')) });
    const label = target.textContent;
    target.textContent = 'Copied';
    setTimeout(() => { target.textContent = label; }, 1500);
  }
});
`;
