// WSGI vs ASGI for one project: the general comparison (a declarative table), what this project
// has and what production really starts (the launchers), a recommendation with its reasons, the
// mismatches worth a warning, and every server's exact command line (quoted for a POSIX shell, or
// why it is not printed).
// Facts: reference/templates-and-servers.md §2 (Django's docs).

import { posix } from 'node:path';
import type { Launcher, Place, ProjectFacts } from './facts';
import { APPLICATION_SERVERS, commandLines, type Interface } from './servers';
import { launchedServers, productionRunserver } from './checklistServing';

/** The general comparison the view shows: aspect, WSGI, ASGI. */
export const COMPARISON_ROWS: readonly (readonly [string, string, string])[] = [
  ['Protocol', 'WSGI (PEP 3333): one synchronous call per request', 'ASGI: async calls, events for HTTP, WebSocket and lifespan'],
  ['Concurrency', 'Processes × threads; one request holds a worker until it returns', 'An event loop per worker: hundreds of open connections without threads'],
  ['Async views', 'Run in a one-off event loop per request: no async benefit', 'Run natively; sync views and middleware run in a thread pool'],
  ['Long-lived connections', 'Each WebSocket, SSE or long poll ties up a worker: not practical', 'WebSockets (with Channels), streaming responses and long polling'],
  ['Typical use', 'Classic request/response sites and APIs; the most deployed setup', 'Async views, streaming, WebSockets, many slow or idle connections'],
  ['Entry point', '<project>/wsgi.py: application = get_wsgi_application()', '<project>/asgi.py: application = get_asgi_application() (or a Channels ProtocolTypeRouter)'],
  ['Django setting', 'WSGI_APPLICATION (used by runserver)', 'ASGI_APPLICATION (used by Channels / Daphne runserver)'],
  ['Servers', 'Gunicorn, uWSGI, mod_wsgi', 'Uvicorn, Gunicorn + uvicorn-worker, Daphne, Hypercorn'],
];

export interface ServerCommand {
  id: string;
  name: string;
  interface: Interface;
  summary: string;
  install: string;
  docsUrl: string;
  /** The command line, quoted for a POSIX shell; empty when `refused`. */
  line: string;
  /** Why the line is not printed (shown in its place). */
  refused?: string;
  /** Where the requirements name it. */
  requirement: Place | undefined;
  /** Where production starts this server (`Dockerfile:12`), when it does. */
  launched?: string;
}

/** A command that starts the project, as the view lists it (no offsets: plain data). */
export interface LaunchedCommand {
  /** LAUNCHED_SERVERS id; undefined for runserver. */
  server: string | undefined;
  name: string;
  interface: Interface | undefined;
  application: string | undefined;
  settingsModule: string | undefined;
  environment: Launcher['environment'];
  environmentReason: string;
  /** `Dockerfile:12`, relative to the project root. */
  where: string;
  via: string;
  /** The command as written, on one line. */
  command: string;
}

export interface Comparison {
  /** The production settings module. */
  settingsModule: string | undefined;
  /** Where the commands run from, relative to the workspace folder ('.' for the folder itself). */
  runFrom: string;
  wsgi: ProjectFacts['wsgi'];
  asgi: ProjectFacts['asgi'];
  wsgiApplication: Place | undefined;
  asgiApplication: Place | undefined;
  asyncViews: Place[];
  /** Python files read for async views and Channels, of how many. */
  scanned: ProjectFacts['scanned'];
  channels: ProjectFacts['channels'];
  servers: ServerCommand[];
  recommendation: { interface: Interface; reasons: string[] };
  warnings: { message: string; places: Place[] }[];
  rows: typeof COMPARISON_ROWS;
  /** Every command that starts the project (production, development, undecided), production first. */
  launched?: LaunchedCommand[];
  /** Where the deployment runs collectstatic (`Dockerfile:9`), development places left out. */
  collectstatic?: string[];
}

export function compareServers(facts: ProjectFacts, workspaceRoot: string): Comparison {
  const requirementOf = (packages: string[]) => packages.map((p) => facts.requirements.get(p)?.place).find((p) => p !== undefined);
  // What production really starts is judged first; the requirements only when nothing is launched.
  const launched = launchedServers(facts);
  const launchedAs = (id: string) => launched.find((l) => l.server === id)?.where;
  const servers: ServerCommand[] = [];
  for (const entry of [facts.wsgi, facts.asgi]) {
    if (!entry) continue;
    for (const c of commandLines({ ...entry, callable: 'application' }, facts.settings?.module)) {
      const s = c.server;
      const where = launchedAs(s.id);
      servers.push({ id: s.id, name: s.name, interface: s.interface, summary: s.summary, install: s.install, docsUrl: s.docsUrl, line: c.line, ...(c.refused ? { refused: c.refused } : {}), requirement: requirementOf(s.packages), ...(where ? { launched: where } : {}) });
    }
  }

  const inRequirements = APPLICATION_SERVERS.filter((s) => requirementOf(s.packages));
  const websockets = facts.channels.installedApps.length > 0 || facts.channels.routing.length > 0 || facts.channels.consumers.length > 0;
  const asyncCount = facts.asyncViews.length;
  const reasons: string[] = [];
  let choice: Interface = 'wsgi';
  if (websockets) {
    choice = 'asgi';
    reasons.push(`WebSockets: ${describeChannels(facts)}. They need an ASGI server.`);
  }
  if (asyncCount) {
    choice = 'asgi';
    reasons.push(`${asyncCount} async view${asyncCount === 1 ? '' : 's'}: under WSGI each runs in a one-off event loop, without the benefits of an async stack.`);
  }
  const launchedOf = (kind: Interface) => launched.filter((l) => l.interface === kind);
  if (choice === 'wsgi') {
    reasons.push('No async views and no WebSockets: every view is synchronous, which WSGI serves directly, with the most mature servers.');
    if (launchedOf('wsgi').length) reasons.push(`${describeLaunched(launchedOf('wsgi'))} already.`);
    else if (inRequirements.some((s) => s.interface === 'wsgi')) reasons.push(`${inRequirements.filter((s) => s.interface === 'wsgi').map((s) => s.name).join(', ')} is already in the requirements.`);
  } else if (launchedOf('asgi').length) {
    reasons.push(`${describeLaunched(launchedOf('asgi'))} already.`);
  } else if (launched.length && launched.every((l) => l.interface === 'wsgi')) {
    reasons.push(`${describeLaunched(launched)} today: switch it to an ASGI server.`);
  } else if (inRequirements.some((s) => s.interface === 'asgi')) {
    reasons.push(`${inRequirements.filter((s) => s.interface === 'asgi').map((s) => s.name).join(', ')} is already in the requirements.`);
  }

  const warnings: Comparison['warnings'] = [];
  if (launched.length) {
    const onlyWsgi = launched.every((l) => l.interface === 'wsgi');
    const names = [...new Set(launched.map((l) => l.serverName ?? l.server))].join(', ');
    if (asyncCount && onlyWsgi) warnings.push({ message: `Async views under ${names} (WSGI), started in ${launched[0].where}: each request gets a one-off event loop.`, places: [launched[0].place, ...facts.asyncViews] });
    if (websockets && onlyWsgi) warnings.push({ message: `Channels is used but ${launched[0].where} starts ${names}, a WSGI server: WebSocket connections will fail.`, places: [launched[0].place, ...facts.channels.routing, ...facts.channels.consumers] });
  } else {
    const onlyWsgiServers = inRequirements.length > 0 && inRequirements.every((s) => s.interface === 'wsgi');
    if (asyncCount && onlyWsgiServers) warnings.push({ message: `Async views under ${inRequirements.map((s) => s.name).join(', ')} (WSGI): each request gets a one-off event loop.`, places: facts.asyncViews });
    if (websockets && onlyWsgiServers) warnings.push({ message: 'Channels is used but the requirements have only WSGI servers: WebSocket connections will fail.', places: [...facts.channels.routing, ...facts.channels.consumers] });
  }
  if (facts.channels.installedApps.includes('daphne') && !facts.asgiApplication) warnings.push({ message: '"daphne" is in INSTALLED_APPS but ASGI_APPLICATION is not set: its runserver cannot find the application.', places: [] });
  if (websockets && !facts.asgiApplication) warnings.push({ message: 'Channels needs ASGI_APPLICATION (e.g. "<project>.asgi.application").', places: facts.channels.routing });
  if (choice === 'asgi' && !facts.asgi) warnings.push({ message: 'No asgi.py: create it as startproject does (application = get_asgi_application()).', places: [] });
  if (facts.wsgiApplication && !facts.wsgi) warnings.push({ message: `WSGI_APPLICATION is ${facts.wsgiApplication.label} but there is no wsgi.py.`, places: [facts.wsgiApplication] });
  for (const l of facts.launchers) {
    if (l.workerClass?.startsWith('uvicorn.workers.')) warnings.push({ message: 'uvicorn.workers.UvicornWorker is deprecated since uvicorn 0.30: install uvicorn-worker and use -k uvicorn_worker.UvicornWorker.', places: [l.place] });
    // A WSGI server calls application(environ, start_response): an ASGI application fails every request.
    if (l.interface === 'wsgi' && l.environment !== 'development' && l.application && /(^|[./])asgi(:|$|\.py$)/.test(l.application)) warnings.push({ message: `${l.where} starts ${l.serverName ?? l.server}, a WSGI server, on ${l.application}, an ASGI application: every request fails. Use an ASGI server or the wsgi module.`, places: [l.place] });
  }
  for (const l of productionRunserver(facts)) warnings.push({ message: `${posix.basename(l.place.file)} runs "manage.py runserver", the development server: use an application server.`, places: [l.place] });

  const relative = posix.relative(workspaceRoot, facts.runFrom);
  return {
    settingsModule: facts.settings?.module,
    runFrom: relative === '' ? '.' : relative,
    wsgi: facts.wsgi,
    asgi: facts.asgi,
    wsgiApplication: facts.wsgiApplication,
    asgiApplication: facts.asgiApplication,
    asyncViews: facts.asyncViews,
    scanned: facts.scanned,
    channels: facts.channels,
    servers,
    recommendation: { interface: choice, reasons },
    warnings,
    rows: COMPARISON_ROWS,
    launched: [...facts.launchers]
      .sort((a, b) => ENVIRONMENT_ORDER[a.environment] - ENVIRONMENT_ORDER[b.environment])
      .map((l) => ({ server: l.server, name: l.runserver ? 'runserver' : (l.serverName ?? l.server ?? ''), interface: l.interface, application: l.application, settingsModule: l.settingsModule, environment: l.environment, environmentReason: l.environmentReason, where: l.where, via: l.via, command: l.place.label })),
    collectstatic: facts.collectstaticRuns.filter((r) => r.environment !== 'development').map((r) => r.where),
  };
}

const ENVIRONMENT_ORDER: Record<Launcher['environment'], number> = { production: 0, unknown: 1, development: 2 };

/** `Gunicorn starts the project in Dockerfile:12` for the first, with the others named. */
function describeLaunched(launched: Launcher[]): string {
  const first = launched[0];
  const others = launched.length > 1 ? ` (and ${launched.length - 1} more)` : '';
  return `${first.serverName ?? first.server} starts the project in ${first.where}${others}`;
}

function describeChannels(facts: ProjectFacts): string {
  const parts: string[] = [];
  if (facts.channels.installedApps.length) parts.push(`${facts.channels.installedApps.join(' and ')} in INSTALLED_APPS`);
  if (facts.channels.routing.length) parts.push(`${facts.channels.routing[0].label} in ${posix.basename(facts.channels.routing[0].file)}`);
  if (facts.channels.consumers.length) parts.push(`${facts.channels.consumers.length} async consumer${facts.channels.consumers.length === 1 ? '' : 's'}`);
  return parts.join(', ');
}
