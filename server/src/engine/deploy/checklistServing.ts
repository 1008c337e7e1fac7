// Checklist items about how production runs: collectstatic, who serves STATIC_ROOT, and the
// application server that starts the project (from the deployment facts and the launchers).

import { posix } from 'node:path';
import type { Finding } from '../findings';
import type { Place, ProjectFacts } from './facts';
import { serversIn } from './servers';
import { findingsItem, type ChecklistItem, type StaticRootState } from './checklist';

const COLLECTSTATIC = { id: 'djangoDeploy.runCollectstatic', title: 'Run collectstatic' };
const NGINX = { id: 'djangoDeploy.generateNginxConfig', title: 'Generate nginx config for static files' };
const COMPARE = { id: 'djangoDeploy.compareServers', title: 'Compare WSGI and ASGI' };

type Item = Omit<ChecklistItem, 'placeCount'>;

export function collectstaticItem(facts: ProjectFacts, state: StaticRootState | undefined, noSettingsReason: string): Item {
  const base = { id: 'collectstatic', title: 'collectstatic has been run' };
  const places: Place[] = facts.settings ? [{ file: facts.settings.file, start: 0, end: 0, label: facts.settings.module }] : [];
  if (!facts.staticRoot) return { ...base, status: facts.settings ? 'fail' : 'unknown', detail: facts.settings ? 'STATIC_ROOT is not set: collectstatic has nowhere to put the files.' : noSettingsReason, places };
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
    if (order.length) return findingsItem(base.id, base.title, order, undefined);
    const missingPackage = !facts.whitenoise.package && facts.requirements.size > 0;
    return {
      ...base,
      status: missingPackage ? 'warn' : 'pass',
      detail: missingPackage ? 'WhiteNoiseMiddleware is in MIDDLEWARE but whitenoise is not in the requirements.' : 'WhiteNoiseMiddleware serves STATIC_ROOT.',
      places: [facts.whitenoise.middleware],
    };
  }
  return { ...base, status: 'unknown', detail: 'No WhiteNoise in MIDDLEWARE: make sure your web server serves STATIC_ROOT at STATIC_URL.', places: [], command: NGINX };
}

export function applicationServerItem(facts: ProjectFacts): Item {
  const base = { id: 'app-server', title: 'An application server runs the project (not runserver)' };
  const runserver = facts.launchers.filter((l) => l.runserver);
  if (runserver.length) {
    return { ...base, status: 'fail', detail: `${posix.basename(runserver[0].place.file)} starts the development server: "${runserver[0].place.label}".`, places: runserver.map((l) => l.place), command: COMPARE };
  }
  const entries = [facts.wsgi, facts.asgi].filter((e) => e !== undefined);
  if (!entries.some((e) => e.application)) {
    return { ...base, status: 'fail', detail: entries.length ? `${posix.basename(entries[0].file)} defines no "application".` : 'No wsgi.py or asgi.py: nothing for a WSGI or ASGI server to load.', places: entries.map((e) => ({ file: e.file, start: 0, end: 0, label: e.module })), command: COMPARE };
  }
  const servers = serversIn(new Set(facts.requirements.keys()));
  const places = servers.flatMap((s) => s.packages.map((p) => facts.requirements.get(p)).filter((r) => r !== undefined).map((r) => r.place));
  if (servers.length === 0) {
    const launched = facts.launchers[0];
    if (launched) return { ...base, status: 'pass', detail: `${posix.basename(launched.place.file)}: "${launched.place.label}".`, places: [launched.place], command: COMPARE };
    return { ...base, status: 'warn', detail: 'No WSGI or ASGI server (gunicorn, uvicorn, daphne…) in the requirements.', places: entries.map((e) => ({ file: e.file, start: 0, end: 0, label: e.module })), command: COMPARE };
  }
  const asgiNeeded = facts.channels.installedApps.length > 0 || facts.channels.routing.length > 0 || facts.channels.consumers.length > 0;
  const onlyWsgi = servers.every((s) => s.interface === 'wsgi');
  if (asgiNeeded && onlyWsgi) {
    return { ...base, status: 'warn', detail: `WebSockets (Channels) need an ASGI server, but the requirements only have ${servers.map((s) => s.name).join(', ')}.`, places, command: COMPARE };
  }
  if (facts.asyncViews.length && onlyWsgi) {
    return { ...base, status: 'warn', detail: `${facts.asyncViews.length} async view${facts.asyncViews.length === 1 ? '' : 's'} under ${servers.map((s) => s.name).join(', ')} (WSGI): each request runs in a one-off event loop.`, places: [...places, ...facts.asyncViews], command: COMPARE };
  }
  return { ...base, status: 'pass', detail: `${servers.map((s) => s.name).join(', ')} in the requirements.`, places, command: COMPARE };
}
