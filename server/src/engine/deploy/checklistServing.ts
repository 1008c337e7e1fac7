// Checklist items about how production runs: collectstatic, who serves STATIC_ROOT, and the
// application server that starts the project (from the deployment facts and the launchers:
// what the Dockerfile, compose files, Procfile, systemd units and platform files really run).

import { posix } from 'node:path';
import type { Finding } from '../findings';
import type { Launcher, Place, ProjectFacts } from './facts';
import { serversIn } from './servers';
import type { ChecklistItem, StaticRootState } from './checklist';

const COLLECTSTATIC = { id: 'djangoDeploy.runCollectstatic', title: 'Run collectstatic' };
const NGINX = { id: 'djangoDeploy.generateNginxConfig', title: 'Generate nginx config for static files' };
const COMPARE = { id: 'djangoDeploy.compareServers', title: 'Compare WSGI and ASGI' };

type Item = Omit<ChecklistItem, 'placeCount'>;

export function collectstaticItem(facts: ProjectFacts, state: StaticRootState | undefined, noSettingsReason: string): Item {
  const base = { id: 'collectstatic', title: 'collectstatic has been run' };
  const places: Place[] = facts.settings ? [{ file: facts.settings.file, start: 0, end: 0, label: facts.settings.module }] : [];
  if (!facts.staticRoot) return { ...base, status: facts.settings ? 'fail' : 'unknown', detail: facts.settings ? 'STATIC_ROOT is not set: collectstatic has nowhere to put the files.' : noSettingsReason, places };
  // Run by the deployment itself: what is on this disk does not matter.
  const runs = facts.collectstaticRuns.filter((r) => r.environment !== 'development');
  if (runs.length) {
    const more = runs.length > 1 ? ` (and ${runs.length - 1} more place${runs.length === 2 ? '' : 's'})` : '';
    return { ...base, status: 'pass', detail: `collectstatic runs in ${runs[0].where} (${runs[0].via})${more}.`, places: [...runs.map(asPlace), ...places], command: COLLECTSTATIC };
  }
  if (!state) return { ...base, status: 'unknown', detail: `STATIC_ROOT is ${facts.staticRoot}; its folder was not looked at.`, places, command: COLLECTSTATIC };
  if (!state.exists) return { ...base, status: 'fail', detail: `STATIC_ROOT (${facts.staticRoot}) does not exist: run "manage.py collectstatic".`, places, command: COLLECTSTATIC };
  if (state.files === 0 && state.truncated) return { ...base, status: 'unknown', detail: `STATIC_ROOT (${facts.staticRoot}) is a very large folder tree with no file among the entries looked at: run "manage.py collectstatic" if it has not run.`, places, command: COLLECTSTATIC };
  if (state.files === 0) return { ...base, status: 'fail', detail: `STATIC_ROOT (${facts.staticRoot}) is empty: run "manage.py collectstatic".`, places, command: COLLECTSTATIC };
  const what = `${state.files.toLocaleString('en')} file${state.files === 1 ? '' : 's'}${state.manifest ? ' and staticfiles.json' : ''}`;
  return { ...base, status: 'pass', detail: `STATIC_ROOT holds ${what}. Run collectstatic again on each deployment.`, places, command: COLLECTSTATIC };
}

export function servingItem(facts: ProjectFacts, shown: Finding[], used: Set<Finding>): Item {
  const base = { id: 'static-serving', title: 'A web server or WhiteNoise serves STATIC_ROOT' };
  const order = shown.filter((f) => f.code === 'DJD115');
  for (const f of order) used.add(f);
  if (facts.staticUrl && /^([a-z][a-z0-9+.-]*:)?\/\//i.test(facts.staticUrl)) {
    return { ...base, status: 'pass', detail: `STATIC_URL is ${facts.staticUrl}: static files are served from there.`, places: [] };
  }
  if (facts.whitenoise.middleware) {
    // WhiteNoise serves the files wherever it sits; its place in MIDDLEWARE is advice (DJD115), not a failure.
    if (order.length) {
      return { ...base, status: 'warn', detail: `WhiteNoiseMiddleware serves STATIC_ROOT, but it is not right after SecurityMiddleware: static requests go through the middleware before it (${posix.basename(order[0].file)}).`, places: order.map((f) => ({ file: f.file, start: f.start, end: f.end, label: `${f.code}: ${f.message}` })) };
    }
    const missingPackage = !facts.whitenoise.package && facts.requirements.size > 0;
    return {
      ...base,
      status: missingPackage ? 'warn' : 'pass',
      detail: missingPackage ? 'WhiteNoiseMiddleware is in MIDDLEWARE but whitenoise is not in the requirements.' : 'WhiteNoiseMiddleware serves STATIC_ROOT.',
      places: [facts.whitenoise.middleware],
    };
  }
  const webServers = facts.webServers.filter((w) => w.environment !== 'development');
  const serving = webServers.find((w) => w.servesStaticRoot);
  if (serving) {
    return { ...base, status: 'pass', detail: `${serving.image} (${posix.basename(serving.place.file)}) mounts the volume the project collects STATIC_ROOT into.`, places: [serving.place] };
  }
  if (webServers.length) {
    const w = webServers[0];
    return { ...base, status: 'unknown', detail: `No WhiteNoise in MIDDLEWARE; ${w.image} runs in ${posix.basename(w.place.file)}: make sure it serves STATIC_ROOT at STATIC_URL.`, places: webServers.map((x) => x.place), command: NGINX };
  }
  return { ...base, status: 'unknown', detail: 'No WhiteNoise in MIDDLEWARE: make sure your web server serves STATIC_ROOT at STATIC_URL.', places: [], command: NGINX };
}

/**
 * The servers production starts: the launchers known to be production, else the undecided ones
 * (a plain Dockerfile or docker-compose.yml). Development launchers never count.
 */
export function launchedServers(facts: ProjectFacts): Launcher[] {
  const production = facts.launchers.filter((l) => l.server && l.environment === 'production');
  return production.length ? production : facts.launchers.filter((l) => l.server && l.environment === 'unknown');
}

/** runserver where production may run it: a production launcher, or an undecided one when nothing else is known to start production. */
export function productionRunserver(facts: ProjectFacts): Launcher[] {
  const productionServer = facts.launchers.some((l) => l.server && l.environment === 'production');
  return facts.launchers.filter((l) => l.runserver && (l.environment === 'production' || (l.environment === 'unknown' && !productionServer)));
}

export function applicationServerItem(facts: ProjectFacts): Item {
  const base = { id: 'app-server', title: 'An application server runs the project (not runserver)' };
  const runserver = productionRunserver(facts);
  if (runserver.length) {
    const first = runserver[0];
    return { ...base, status: 'fail', detail: `${posix.basename(first.place.file)} starts the development server: "${first.place.label}" (${first.environmentReason}).`, places: runserver.map((l) => l.place), command: COMPARE };
  }
  const entries = [facts.wsgi, facts.asgi].filter((e) => e !== undefined);
  if (!entries.some((e) => e.application)) {
    return { ...base, status: 'fail', detail: entries.length ? `${posix.basename(entries[0].file)} defines no "application".` : 'No wsgi.py or asgi.py: nothing for a WSGI or ASGI server to load.', places: entries.map((e) => ({ file: e.file, start: 0, end: 0, label: e.module })), command: COMPARE };
  }
  const development = facts.launchers.filter((l) => l.runserver && !runserver.includes(l));
  const aside = development.length ? ` runserver in ${posix.basename(development[0].place.file)} is for development (${development[0].environmentReason}).` : '';
  const asgiNeeded = facts.channels.installedApps.length > 0 || facts.channels.routing.length > 0 || facts.channels.consumers.length > 0;

  // What production really starts comes first: a server in the Dockerfile counts even when the
  // requirements do not name it (the image may `pip install gunicorn`).
  const launched = launchedServers(facts);
  if (launched.length) {
    const first = launched[0];
    const names = [...new Set(launched.map((l) => l.serverName ?? l.server))].join(', ');
    const places = launched.map((l) => l.place);
    const onlyWsgi = launched.every((l) => l.interface === 'wsgi');
    if (asgiNeeded && onlyWsgi) {
      return { ...base, status: 'warn', detail: `WebSockets (Channels) need an ASGI server, but ${first.where} starts ${names} (WSGI).`, places: [...places, ...facts.channels.routing, ...facts.channels.consumers], command: COMPARE };
    }
    if (facts.asyncViews.length && onlyWsgi) {
      return { ...base, status: 'warn', detail: `${facts.asyncViews.length} async view${facts.asyncViews.length === 1 ? '' : 's'} under ${names} (WSGI), started in ${first.where}: each request runs in a one-off event loop.`, places: [...places, ...facts.asyncViews], command: COMPARE };
    }
    const loads = first.application ? ` (${first.application})` : '';
    return { ...base, status: 'pass', detail: `${first.serverName ?? first.server}${loads} starts the project in ${first.where} (${first.via}).${aside}`, places, command: COMPARE };
  }

  const servers = serversIn(new Set(facts.requirements.keys()));
  const places = servers.flatMap((s) => s.packages.map((p) => facts.requirements.get(p)).filter((r) => r !== undefined).map((r) => r.place));
  if (servers.length === 0) {
    return { ...base, status: 'warn', detail: `No WSGI or ASGI server (gunicorn, uvicorn, daphne…) in the requirements or in what starts the project.${aside}`, places: entries.map((e) => ({ file: e.file, start: 0, end: 0, label: e.module })), command: COMPARE };
  }
  const onlyWsgi = servers.every((s) => s.interface === 'wsgi');
  if (asgiNeeded && onlyWsgi) {
    return { ...base, status: 'warn', detail: `WebSockets (Channels) need an ASGI server, but the requirements only have ${servers.map((s) => s.name).join(', ')}.`, places, command: COMPARE };
  }
  if (facts.asyncViews.length && onlyWsgi) {
    return { ...base, status: 'warn', detail: `${facts.asyncViews.length} async view${facts.asyncViews.length === 1 ? '' : 's'} under ${servers.map((s) => s.name).join(', ')} (WSGI): each request runs in a one-off event loop.`, places: [...places, ...facts.asyncViews], command: COMPARE };
  }
  return { ...base, status: 'pass', detail: `${servers.map((s) => s.name).join(', ')} in the requirements.${aside}`, places, command: COMPARE };
}

function asPlace(p: Place): Place {
  return { file: p.file, start: p.start, end: p.end, label: p.label };
}
