// The language server: document sync, the workspace index, configuration, and the translation
// of engine findings, fixes and hovers into LSP. No analysis happens here.

import { warmUp } from '../engine/warmUp';
import {
  CodeActionKind,
  CompletionItemKind,
  DiagnosticSeverity,
  DidChangeConfigurationNotification,
  FileChangeType,
  TextDocuments,
  TextDocumentSyncKind,
  type CancellationToken,
  type CodeAction,
  type CodeActionParams,
  type CompletionItem,
  type CompletionParams,
  type Connection,
  type DocumentLink,
  type DocumentLinkParams,
  type Diagnostic,
  type ExecuteCommandParams,
  type Hover,
  type HoverParams,
  type InitializeParams,
  type InitializeResult,
  type Range,
  type WorkspaceFolder,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { countsAsProblem, type Finding, type Severity } from '../engine/findings';
import { hoverSetting } from '../engine/hover';
import type { SettingsModuleInfo } from '../engine/project/project';
import { projectFacts, scanForDeployment, scannedModules, type Place } from '../engine/deploy/facts';
import { checklistMarkdown, deploymentChecklist, type ChecklistItem } from '../engine/deploy/checklist';
import { settingsKnowledge } from '../engine/deploy/knowledge';
import { compareServers, type Comparison } from '../engine/deploy/comparison';
import { nginxConfig } from '../engine/deploy/nginx';
import { fixAll, FIX_ALL_KIND, ignoreActions, kindRequested, quickFixes } from './codeActions';
import { engineConfig, SECTION } from './configuration';
import { isVirtualPath, LineIndexCache, pathToUri, toDiagnostic, toRange, toWorkspaceEdit, uriToPath, type DiagnosticData, type Texts } from './convert';
import { unanalysableReason } from '../host/read';
import { probeStaticRoot } from '../host/walk';
import { isDependencyFile } from '../engine/project/requirements';
import { looksLikeSettingsPath } from '../engine/project/layout';
import { WorkspaceIndex, type FileChange, type ProjectEntry } from './workspace';
import { inSlices, isCancelled, nextTurn, withProgress } from './slices';
import { trimRuns } from '../engine/text';


/** How long diagnostics wait for the client's first workspace/configuration answer. */
const CONFIGURATION_WAIT_MS = 1_000;

// Server-side command ids differ from the client's palette commands (VS Code refuses two registrations of one id).
export const COMMANDS = { checkProject: 'djangoDeploy.server.checkProject', applyFix: 'djangoDeploy.server.applyFix' } as const;

/** Custom requests (the client's checklist, WSGI vs ASGI view and nginx command). */
export const REQUESTS = { checklist: 'djangoDeploy/checklist', compareServers: 'djangoDeploy/compareServers', nginxConfig: 'djangoDeploy/nginxConfig', problemCount: 'djangoDeploy/problemCount' } as const;
/** Sent when the background analysis of a project ends: the problem count may have changed. */
export const PROBLEMS_CHANGED = 'djangoDeploy/problemsChanged';

export interface ProblemCount {
  errors: number;
  warnings: number;
  /** Of those, in templates. */
  templates: number;
  /** Django projects in the workspace (0: the client hides its status bar item). */
  projects: number;
  /** False while templates wait for their background analysis. */
  complete: boolean;
}

/** A place as the client opens it. */
export interface Location {
  uri: string;
  range: Range;
  label: string;
}

export interface ChecklistResult {
  projects: {
    root: string;
    name: string;
    settingsModule: string | undefined;
    items: (Omit<ChecklistItem, 'places'> & { places: Location[] })[];
    markdown: string;
    /** The project's problems as the status bar and the CLI count them (countsAsProblem). */
    problems: { errors: number; warnings: number };
  }[];
}

export interface CompareServersResult {
  projects: (Omit<Comparison, 'asyncViews' | 'warnings' | 'wsgi' | 'asgi' | 'wsgiApplication' | 'asgiApplication' | 'channels' | 'servers'> & {
    root: string;
    name: string;
    wsgi: { module: string; location: Location; application: boolean; defaultSettings?: string } | undefined;
    asgi: { module: string; location: Location; application: boolean; defaultSettings?: string } | undefined;
    wsgiApplication: Location | undefined;
    asgiApplication: Location | undefined;
    asyncViews: Location[];
    channels: { installedApps: string[]; routing: Location[]; consumers: Location[]; channelLayers: boolean };
    servers: (Omit<Comparison['servers'][number], 'requirement'> & { requirement: Location | undefined })[];
    warnings: { message: string; places: Location[] }[];
  })[];
}

export interface CheckProjectResult {
  settingsModules: (SettingsModuleInfo & { root: string })[];
  findingCounts: Record<Severity, number>;
}

export interface ApplyFixArguments {
  uri: string;
  code: string;
  start: number;
  end: number;
  /** Which fix, when the finding has several; the first safe one otherwise. */
  title?: string;
}

export class DjangoDeployServer {
  private documents = new TextDocuments(TextDocument);
  private index: WorkspaceIndex;
  private lineIndexes = new LineIndexCache();
  /** Open documents: path → its project and URI as the client spelled it. */
  private open = new Map<string, { entry: ProjectEntry; uri: string }>();
  /** Open documents that are not analysed (binary, too large), with the reason. */
  private unanalysable = new Map<string, string>();
  /** Files that are not open but have diagnostics from djangoDeploy.checkProject. */
  private checked = new Map<string, ProjectEntry>();
  /** Last diagnostics sent per URI, to skip identical republications of dependants. */
  private published = new Map<string, Diagnostic[]>();

  /**
   * Diagnostics wait for the first configuration answer (rules turned off must not flash up),
   * at most CONFIGURATION_WAIT_MS.
   */
  private configurationLoaded = false;
  private pendingPaths = new Set<string>();
  private pendingEntries = new Set<ProjectEntry>();
  private flushScheduled = false;

  private configurationPull = false;
  private workspaceFolderEvents = false;
  private dynamicConfiguration = false;
  private initializationOptions: unknown;
  /** Settings pushed by didChangeConfiguration when the client cannot be asked. */
  private pushedSettings: unknown;
  private globalSettings: unknown;
  private folderSettings = new Map<string, unknown>();
  private appliedConfig = new WeakMap<ProjectEntry, string>();

  constructor(private connection: Connection) {
    this.index = new WorkspaceIndex({
      log: (m) => this.log(m),
      configure: (entry) => this.configure(entry),
      scanned: (entry) => {
        this.schedule(undefined, entry);
        // Analyse the settings modules now, so that opening one later only re-uses the parse.
        this.preAnalyse(entry);
      },
    });
  }

  listen(): void {
    const c = this.connection;
    c.onInitialize((params) => this.initialize(params));
    c.onInitialized(() => this.guard('initialized', undefined, () => this.initialized()));
    c.onDidChangeConfiguration((params) => this.guard('didChangeConfiguration', undefined, () => this.configurationChanged(params.settings)));
    c.onDidChangeWatchedFiles((params) =>
      this.guard('didChangeWatchedFiles', undefined, () => {
        for (const change of params.changes) this.fileChanged(change.uri, change.type);
      }),
    );
    c.onHover((params) => this.guard('hover', null, () => this.hover(params)));
    c.onCompletion((params) => this.guard('completion', [], () => this.completion(params)));
    c.onDocumentLinks((params) => this.guard('documentLink', [], () => this.documentLinks(params)));
    c.onCodeAction((params) => this.guard('codeAction', [], () => this.codeActions(params)));
    c.onExecuteCommand((params, token) => this.guard('executeCommand', null, () => this.executeCommand(params, token)));
    // Whole-project requests take `{ root }` to answer for one project (the client asks which).
    c.onRequest(REQUESTS.checklist, (params: unknown, token: CancellationToken) => this.guard('checklist', { projects: [] }, () => this.checklist(requestedRoot(params), token)));
    c.onRequest(REQUESTS.compareServers, (params: unknown, token: CancellationToken) => this.guard('compareServers', { projects: [] }, () => this.compare(requestedRoot(params), token)));
    c.onRequest(REQUESTS.nginxConfig, (params: unknown, token: CancellationToken) => this.guard('nginxConfig', null, () => this.nginx(requestedRoot(params), token)));
    c.onRequest(REQUESTS.problemCount, () => this.guard('problemCount', { errors: 0, warnings: 0, templates: 0, projects: 0, complete: true }, () => this.problemCount()));
    c.onShutdown(() => {
      this.stopped = true;
      this.index.stop();
    });

    this.documents.onDidOpen((e) => this.guard('didOpen', undefined, () => this.documentOpened(e.document)));
    this.documents.onDidChangeContent((e) => this.guard('didChange', undefined, () => this.documentChanged(e.document)));
    this.documents.onDidClose((e) => this.guard('didClose', undefined, () => this.documentClosed(e.document)));
    this.documents.listen(c);
    c.listen();
  }

  // -------------------------------------------------------------------------------------------
  // Life cycle

  private initialize(params: InitializeParams): InitializeResult {
    const caps = params.capabilities ?? {};
    this.configurationPull = !!caps.workspace?.configuration;
    this.workspaceFolderEvents = !!caps.workspace?.workspaceFolders;
    this.dynamicConfiguration = !!caps.workspace?.didChangeConfiguration?.dynamicRegistration;
    this.initializationOptions = params.initializationOptions;
    this.globalSettings = params.initializationOptions;
    if (this.configurationPull) setTimeout(() => this.configurationReady(), CONFIGURATION_WAIT_MS).unref();
    else this.configurationReady();

    try {
      const folders: WorkspaceFolder[] = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: 'root' }] : []);
      for (const folder of folders) this.addFolder(folder);
    } catch (error) {
      this.logError('initialize', error);
    }

    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        // Paths inside {% static '…' %}: folder by folder from the static finders.
        completionProvider: { triggerCharacters: ["'", '"', '/'] },
        documentLinkProvider: { resolveProvider: false },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.SourceFixAll, FIX_ALL_KIND] },
        executeCommandProvider: { commands: [COMMANDS.checkProject, COMMANDS.applyFix] },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'Django Deploy' },
    };
  }

  private async initialized(): Promise<void> {
    // Compile the engine's hot paths before the first document arrives, off the request path.
    setImmediate(() => this.guard('warm-up', undefined, () => warmUp()));
    const configured = this.loadConfiguration();
    if (this.dynamicConfiguration) {
      void this.connection.client.register(DidChangeConfigurationNotification.type, { section: SECTION }).catch((e) => this.logError('register didChangeConfiguration', e));
    }
    if (this.workspaceFolderEvents) {
      try {
        this.connection.workspace.onDidChangeWorkspaceFolders((event) =>
          this.guard('didChangeWorkspaceFolders', undefined, () => {
            for (const f of event.removed) this.removeFolder(f);
            for (const f of event.added) this.addFolder(f);
            this.rehomeOpenDocuments();
            // New folders may have settings of their own.
            if (event.added.length) void this.loadConfiguration();
          }),
        );
      } catch (error) {
        this.logError('workspace folder events', error);
      }
    }
    await configured;
  }

  private addFolder(folder: WorkspaceFolder): void {
    const path = uriToPath(folder.uri);
    if (isVirtualPath(path)) {
      this.log(`Ignored workspace folder ${folder.uri}: not a file: folder.`);
      return;
    }
    this.index.addFolder(path, folder.uri);
  }

  private removeFolder(folder: WorkspaceFolder): void {
    const entry = this.index.removeFolder(folder.uri);
    this.folderSettings.delete(folder.uri);
    if (!entry) return;
    for (const [path, entryOf] of this.checked) {
      if (entryOf !== entry) continue;
      this.checked.delete(path);
      this.sendDiagnostics(pathToUri(path), [], undefined);
    }
  }

  /** After workspace folders change, documents move to the project that now holds them. */
  private rehomeOpenDocuments(): void {
    for (const [path, state] of this.open) {
      const entry = this.index.entryFor(path);
      if (entry === state.entry) continue;
      this.index.documentClosed(state.entry, path);
      state.entry = entry;
      const document = this.documents.get(state.uri);
      if (document) this.sync(path, entry, document);
      this.schedule(path);
    }
  }

  // -------------------------------------------------------------------------------------------
  // Configuration

  private async loadConfiguration(): Promise<void> {
    if (this.configurationPull) {
      const folders = this.index.folderEntries().filter((e) => e.folderUri);
      try {
        const results = await this.connection.workspace.getConfiguration([
          { section: SECTION },
          ...folders.map((e) => ({ section: SECTION, scopeUri: e.folderUri })),
        ]);
        this.globalSettings = results[0] ?? this.initializationOptions;
        this.folderSettings.clear();
        folders.forEach((e, i) => {
          if (results[i + 1] !== undefined && results[i + 1] !== null) this.folderSettings.set(e.folderUri!, results[i + 1]);
        });
      } catch (error) {
        this.logError('workspace/configuration', error);
      }
    }
    for (const entry of this.index.entries()) this.configure(entry);
    this.configurationReady();
    this.schedule(undefined, ...this.index.entries());
  }

  private configurationReady(): void {
    if (this.configurationLoaded) return;
    this.configurationLoaded = true;
    this.configured();
    this.schedule(undefined);
  }

  /** Resolves once the first configuration is in (or its wait is over): whole-project answers wait for it, as diagnostics do. */
  private configured!: () => void;
  private readonly whenConfigured = new Promise<void>((resolve) => (this.configured = resolve));

  private configurationChanged(settings: unknown): Promise<void> {
    if (!this.configurationPull) {
      const pushed = settings && typeof settings === 'object' ? (settings as Record<string, unknown>)[SECTION] : undefined;
      if (pushed !== undefined) this.pushedSettings = pushed;
      this.globalSettings = this.pushedSettings ?? this.initializationOptions;
    }
    return this.loadConfiguration();
  }

  private configure(entry: ProjectEntry): void {
    const settings = (entry.folderUri && this.folderSettings.get(entry.folderUri)) ?? this.globalSettings;
    const config = engineConfig(settings, (m) => this.log(m));
    // Setting a configuration drops the project's analysis: only when it really changed.
    const key = JSON.stringify(config);
    if (this.appliedConfig.get(entry) === key) return;
    this.appliedConfig.set(entry, key);
    entry.project.setConfig(config);
  }

  // -------------------------------------------------------------------------------------------
  // Documents

  private documentOpened(document: TextDocument): void {
    const path = uriToPath(document.uri);
    if (!isEngineInput(document, path)) return;
    const entry = this.index.entryFor(path);
    this.open.set(path, { entry, uri: document.uri });
    this.checked.delete(path);
    if (isTemplateLanguage(document)) entry.project.markTemplate(path);
    this.index.prepareFor(entry, path);
  }

  private documentChanged(document: TextDocument): void {
    const path = uriToPath(document.uri);
    const state = this.open.get(path);
    if (!state) return;
    this.sync(path, state.entry, document);
    this.schedule(path);
  }

  /** Hands the document's text to its project, unless it is not something to analyse. */
  private sync(path: string, entry: ProjectEntry, document: TextDocument): void {
    const text = document.getText();
    const reason = unanalysableReason(text);
    if (reason) {
      if (!this.unanalysable.has(path)) {
        this.log(`Not analysing ${document.uri}: ${reason}.`);
        this.unanalysable.set(path, reason);
        this.index.documentClosed(entry, path);
      }
      return;
    }
    this.unanalysable.delete(path);
    entry.project.setFile(path, text);
  }

  private documentClosed(document: TextDocument): void {
    const path = uriToPath(document.uri);
    const state = this.open.get(path);
    if (!state) return;
    this.open.delete(path);
    this.unanalysable.delete(path);
    this.lineIndexes.delete(path);
    this.index.documentClosed(state.entry, path);
    this.sendDiagnostics(document.uri, [], undefined);
    this.published.delete(document.uri);
    // The unsaved text is gone: what depends on the file sees the disk again.
    this.schedule(undefined, state.entry);
  }

  private fileChanged(uri: string, type: FileChangeType): void {
    const path = uriToPath(uri);
    const change: FileChange = type === FileChangeType.Created ? 'created' : type === FileChangeType.Deleted ? 'deleted' : 'changed';
    const entries = this.index.fileChanged(path, change, this.open.has(path));
    if (change === 'deleted' && this.checked.has(path)) {
      this.checked.delete(path);
      this.sendDiagnostics(uri, [], undefined);
    }
    if (entries.length) this.schedule(undefined, ...entries);
  }

  // -------------------------------------------------------------------------------------------
  // Diagnostics

  /**
   * Queues a republication: of a changed document and its dependants, and/or of every open
   * document of some projects. Work runs on the next turn of the event loop, so a burst of
   * changes is analysed once, with the latest text.
   */
  private schedule(path: string | undefined, ...entries: ProjectEntry[]): void {
    if (path) this.pendingPaths.add(path);
    for (const e of entries) this.pendingEntries.add(e);
    if (this.flushScheduled || !this.configurationLoaded) return;
    this.flushScheduled = true;
    setImmediate(() => this.guard('publishDiagnostics', undefined, () => this.flush()));
  }

  /** Projects waiting for their background analysis. */
  private preAnalysisQueue = new Set<ProjectEntry>();
  private preAnalysing = false;
  /** The server is shutting down: background work stops. */
  private stopped = false;

  /**
   * Analyses queued projects in the background: a project's settings in one turn of the event
   * loop, then its templates a slice at a time. Messages are read in between, and a document
   * waiting for its diagnostics always goes first.
   */
  private preAnalyse(entry?: ProjectEntry): void {
    if (entry) this.preAnalysisQueue.add(entry);
    if (this.preAnalysing) return;
    this.preAnalysing = true;
    void (async () => {
      try {
        while (this.preAnalysisQueue.size && !this.stopped) {
          do await nextTurn();
          while (this.flushScheduled);
          const [next] = this.preAnalysisQueue;
          this.preAnalysisQueue.delete(next);
          try {
            const { project } = next;
            project.allFindings({ templates: false });
            const waiting = project.unanalysedTemplates();
            await inSlices(project.templateFiles().map((file) => () => void project.templateFindings(file)), { urgent: () => this.flushScheduled, stopped: () => this.stopped });
            if (!this.stopped && waiting > 0 && project.isDjango()) void this.connection.sendNotification(PROBLEMS_CHANGED, {}).catch((e) => this.logError('problemsChanged', e));
          } catch (error) {
            this.logError(`pre-analysis of ${next.root}`, error);
          }
        }
      } finally {
        this.preAnalysing = false;
      }
    })();
  }

  private flush(): void {
    this.flushScheduled = false;
    const changed = [...this.pendingPaths];
    const entries = [...this.pendingEntries];
    this.pendingPaths.clear();
    this.pendingEntries.clear();

    const targets = new Map<string, ProjectEntry>();
    const shown = (p: string) => this.open.get(p)?.entry ?? this.checked.get(p);
    for (const entry of entries) {
      for (const [p, s] of this.open) if (s.entry === entry) targets.set(p, entry);
      for (const [p, e] of this.checked) if (e === entry) targets.set(p, entry);
    }
    for (const path of changed) {
      const state = this.open.get(path);
      if (!state) continue;
      targets.set(path, state.entry);
      if (this.unanalysable.has(path)) continue;
      let dependants: string[] = [];
      try {
        dependants = state.entry.project.dependants(path);
      } catch (error) {
        this.logError(`dependants of ${path}`, error);
      }
      for (const d of dependants) {
        const entry = shown(d);
        if (entry) targets.set(d, entry);
      }
    }
    // An edit may name a static folder under build/ or dist/ not listed yet.
    for (const entry of new Set(changed.map((p) => this.open.get(p)?.entry))) {
      if (entry) this.guard('static folders', undefined, () => this.index.listNewStaticFolders(entry));
    }
    const forced = new Set(changed);
    for (const [path, entry] of targets) {
      try {
        this.publish(path, entry, forced.has(path));
      } catch (error) {
        this.logError(`diagnostics for ${path}`, error);
        this.publishFailure(path, error);
      }
    }
  }

  /**
   * The analysis of a file failed (a defect of ours): say so on the file, once, instead of
   * leaving the editor waiting, and keep serving everything else.
   */
  private publishFailure(path: string, error: unknown): void {
    const state = this.open.get(path);
    const uri = state?.uri ?? pathToUri(path);
    const version = state ? this.documents.get(state.uri)?.version : undefined;
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    const diagnostic: Diagnostic = {
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      severity: DiagnosticSeverity.Information,
      source: 'Django Deploy',
      code: 'DJD000',
      message: `Django Deploy could not analyse this file (${reason.slice(0, 200)}). Its diagnostics are missing until the next change; the details are in the Django Deploy output. Please report it.`,
    };
    try {
      this.sendDiagnostics(uri, [diagnostic], version);
    } catch (e) {
      this.logError('publishing an analysis failure', e);
    }
  }

  private publish(path: string, entry: ProjectEntry, force: boolean): void {
    const state = this.open.get(path);
    const uri = state?.uri ?? pathToUri(path);
    const version = state ? this.documents.get(state.uri)?.version : undefined;
    if (this.unanalysable.has(path)) {
      // Not analysed: nothing to say, except withdrawing what was said about an earlier text.
      const previous = this.published.get(uri);
      if (previous !== undefined && previous.length > 0) this.sendDiagnostics(uri, [], version);
      return;
    }
    this.sendDiagnostics(uri, this.diagnosticsFor(path, entry), version, force);
  }

  private diagnosticsFor(path: string, entry: ProjectEntry): Diagnostic[] {
    const texts = this.texts(entry);
    return this.index.visible(entry, entry.project.findingsFor(path)).map((f) => toDiagnostic(f, texts));
  }

  private sendDiagnostics(uri: string, diagnostics: Diagnostic[], version: number | undefined, force = true): void {
    if (!force && sameJson(this.published.get(uri), diagnostics)) return;
    this.published.set(uri, diagnostics);
    void this.connection.sendDiagnostics({ uri, version, diagnostics }).catch((e) => this.logError('publishDiagnostics', e));
  }

  /** Current texts: open documents as the editor has them, other files as the project read them. */
  private texts(entry: ProjectEntry): Texts {
    return {
      text: (p) => {
        const state = this.open.get(p);
        const doc = state && this.documents.get(state.uri);
        return doc ? doc.getText() : entry.project.text(p);
      },
      uri: (p) => this.open.get(p)?.uri ?? pathToUri(p),
      lineIndex: (p, text) => this.lineIndexes.get(p, text),
    };
  }

  // -------------------------------------------------------------------------------------------
  // Hover and code actions

  private documentContext(uri: string): { path: string; entry: ProjectEntry; document: TextDocument } | undefined {
    const path = uriToPath(uri);
    const state = this.open.get(path);
    const document = this.documents.get(uri);
    if (!state || !document || this.unanalysable.has(path)) return undefined;
    return { path, entry: state.entry, document };
  }

  private hover(params: HoverParams): Hover | null {
    const ctx = this.documentContext(params.textDocument.uri);
    if (!ctx) return null;
    const { path, entry, document } = ctx;
    const offset = document.offsetAt(params.position);
    const found = entry.project.isTemplate(path) ? entry.project.staticHover(path, offset) : hoverSetting(entry.project, path, offset);
    if (!found) return null;
    return {
      contents: { kind: 'markdown', value: found.contents },
      range: toRange(this.lineIndexes.get(path, document.getText()), found.start, found.end),
    };
  }

  private completion(params: CompletionParams): CompletionItem[] {
    const ctx = this.documentContext(params.textDocument.uri);
    if (!ctx) return [];
    const { path, entry, document } = ctx;
    const lines = this.lineIndexes.get(path, document.getText());
    return entry.project.staticCompletions(path, document.offsetAt(params.position)).map((c, i) => ({
      label: c.label,
      kind: c.kind === 'folder' ? CompletionItemKind.Folder : CompletionItemKind.File,
      detail: c.detail,
      sortText: String(i).padStart(5, '0'),
      textEdit: { range: toRange(lines, c.start, c.end), newText: c.label },
      // Keep completing inside the next folder.
      command: c.kind === 'folder' ? { title: 'Suggest', command: 'editor.action.triggerSuggest' } : undefined,
    }));
  }

  private documentLinks(params: DocumentLinkParams): DocumentLink[] {
    const ctx = this.documentContext(params.textDocument.uri);
    if (!ctx) return [];
    const { path, entry, document } = ctx;
    const lines = this.lineIndexes.get(path, document.getText());
    return entry.project.staticLinks(path).map((l) => ({ range: toRange(lines, l.start, l.end), target: pathToUri(l.target), tooltip: 'Open the static file' }));
  }

  private codeActions(params: CodeActionParams): CodeAction[] {
    const ctx = this.documentContext(params.textDocument.uri);
    if (!ctx) return [];
    const { path, entry, document } = ctx;
    const texts = this.texts(entry);
    const only = params.context.only;
    const actions: CodeAction[] = [];
    if (kindRequested(CodeActionKind.QuickFix, only)) {
      const start = document.offsetAt(params.range.start);
      const end = document.offsetAt(params.range.end);
      const fixes = this.index.visible(entry, entry.project.fixesFor(path, start, end).map((f) => ({ ...f, code: f.finding.code })));
      actions.push(...quickFixes(path, fixes, params.context, texts));
      actions.push(...ignoreActions(params.textDocument.uri, document.getText(), path.endsWith('.py'), params.context.diagnostics, document));
    }
    if (kindRequested(FIX_ALL_KIND, only)) {
      const all = fixAll(this.index.visible(entry, entry.project.findingsFor(path)), texts);
      if (all) actions.push(all);
    }
    return actions;
  }

  // -------------------------------------------------------------------------------------------
  // Commands

  private async executeCommand(params: ExecuteCommandParams, token: CancellationToken): Promise<unknown> {
    switch (params.command) {
      case COMMANDS.checkProject:
        return this.checkProject(token);
      case COMMANDS.applyFix:
        return this.applyFix(params.arguments?.[0] as ApplyFixArguments | undefined);
      default:
        this.log(`Unknown command ${params.command}.`);
        return null;
    }
  }

  /** Publishes the findings of every file of every project, open or not, and sums them up. */
  private async checkProject(token: CancellationToken): Promise<CheckProjectResult> {
    await this.whenConfigured;
    await this.index.whenScanned();
    await this.prepare(this.index.entries(), { templates: true }, 'Django Deploy: checking the project', token);
    const result: CheckProjectResult = { settingsModules: [], findingCounts: { error: 0, warning: 0, information: 0, hint: 0 } };
    const previous = new Map(this.checked);
    const published = new Set<string>();
    for (const entry of this.index.entries()) {
      let findings: Finding[];
      try {
        findings = this.index.visible(entry, entry.project.allFindings());
        result.settingsModules.push(...entry.project.settingsModules().map((m) => ({ ...m, root: entry.root })));
      } catch (error) {
        this.logError(`checking ${entry.root}`, error);
        continue;
      }
      const byFile = new Map<string, Finding[]>();
      for (const f of findings) {
        if (this.unanalysable.has(f.file)) continue;
        result.findingCounts[f.severity]++;
        const list = byFile.get(f.file) ?? [];
        list.push(f);
        byFile.set(f.file, list);
      }
      const texts = this.texts(entry);
      for (const [file, list] of byFile) {
        if (published.has(file)) continue;
        published.add(file);
        const state = this.open.get(file);
        if (!state) this.checked.set(file, entry);
        const uri = state?.uri ?? pathToUri(file);
        const version = state ? this.documents.get(state.uri)?.version : undefined;
        this.sendDiagnostics(uri, list.map((f) => toDiagnostic(f, texts)), version);
      }
    }
    for (const [file] of previous) {
      if (published.has(file) || this.open.has(file)) continue;
      this.checked.delete(file);
      this.sendDiagnostics(pathToUri(file), [], undefined);
    }
    return result;
  }

  /**
   * Workspace folders' projects that are Django projects (on evidence: engine/project/evidence.ts),
   * once their walk is done; loose projects when there is no folder. `root`: that project only.
   */
  private async deploymentEntries(root?: string): Promise<ProjectEntry[]> {
    await this.whenConfigured;
    await this.index.whenScanned();
    return this.djangoEntries().filter((e) => root === undefined || e.root === root);
  }

  /** The projects every deployment view and count is about: Django workspace folders (loose projects when there is no folder). */
  private djangoEntries(): ProjectEntry[] {
    const folders = this.index.folderEntries();
    return (folders.length ? folders : this.index.entries()).filter((e) => e.project.isDjango());
  }

  /**
   * Analyses in slices, off the request path, what a whole-project answer reads: every template
   * (`templates`), every module scanned for async views (`deployment`). What follows it then
   * finds the work done. Throws RequestCancelled when the request is cancelled.
   */
  private async prepare(entries: ProjectEntry[], what: { templates?: boolean; deployment?: boolean }, title: string, token?: CancellationToken): Promise<void> {
    const units: (() => void)[] = [];
    for (const { project } of entries) {
      if (what.templates) for (const file of project.templateFiles()) units.push(() => void project.templateFindings(file));
      if (what.deployment) for (const file of scannedModules(project).files) units.push(() => void scanForDeployment(project, file));
    }
    await withProgress(this.connection, title, units, { token, urgent: () => this.flushScheduled, stopped: () => this.stopped });
  }

  /** The deployment checklist of every workspace folder; templates and modules analysed in slices first. */
  private async checklist(root: string | undefined, token?: CancellationToken): Promise<ChecklistResult> {
    const entries = await this.deploymentEntries(root);
    await this.prepare(entries, { templates: true, deployment: true }, 'Django Deploy: checking the project', token);
    const result: ChecklistResult = { projects: [] };
    for (const entry of entries) {
      const facts = projectFacts(entry.project);
      const findings = this.index.visible(entry, entry.project.allFindings({ checklist: true }));
      const unread = [...entry.refused].filter(([file]) => looksLikeSettingsPath(file)).map(([file, reason]) => ({ file: entry.project.relative(file), reason }));
      const items = deploymentChecklist(findings, facts, facts.staticRoot ? await probeStaticRoot(facts.staticRoot) : undefined, unread, settingsKnowledge(entry.project));
      const texts = this.texts(entry);
      const name = folderName(entry);
      const problems = { errors: 0, warnings: 0 };
      for (const f of findings) if (countsAsProblem(f)) problems[f.severity === 'error' ? 'errors' : 'warnings']++;
      result.projects.push({
        problems,
        root: entry.root,
        name,
        settingsModule: facts.settings?.module,
        items: items.map((i) => ({ ...i, places: i.places.map((p) => this.location(p, texts)) })),
        markdown: checklistMarkdown(items, facts.settings?.module ?? name, { root: entry.root, text: texts.text }),
      });
    }
    return result;
  }

  private async compare(root: string | undefined, token?: CancellationToken): Promise<CompareServersResult> {
    const result: CompareServersResult = { projects: [] };
    const entries = await this.deploymentEntries(root);
    await this.prepare(entries, { deployment: true }, 'Django Deploy: reading the project', token);
    for (const entry of entries) {
      const c = compareServers(projectFacts(entry.project), entry.root);
      const texts = this.texts(entry);
      const at = (p: Place) => this.location(p, texts);
      const entryPoint = (e: Comparison['wsgi']) => (e ? { module: e.module, location: at(e.application ?? { file: e.file, start: 0, end: 0, label: e.module }), application: !!e.application, defaultSettings: e.defaultSettings } : undefined);
      result.projects.push({
        ...c,
        root: entry.root,
        name: folderName(entry),
        wsgi: entryPoint(c.wsgi),
        asgi: entryPoint(c.asgi),
        wsgiApplication: c.wsgiApplication && at(c.wsgiApplication),
        asgiApplication: c.asgiApplication && at(c.asgiApplication),
        asyncViews: c.asyncViews.map(at),
        channels: { installedApps: c.channels.installedApps, routing: c.channels.routing.map(at), consumers: c.channels.consumers.map(at), channelLayers: c.channels.channelLayers },
        servers: c.servers.map((s) => ({ ...s, requirement: s.requirement && at(s.requirement) })),
        warnings: c.warnings.map((w) => ({ message: w.message, places: w.places.map(at) })),
      });
    }
    return result;
  }

  /**
   * The production problems of every Django project: the errors and warnings of its settings
   * modules and of every template, each counted once, where it is (not the copies shown at an
   * import line): what the checklist and the CLI count. Nothing is read for it: while templates
   * wait for their background analysis `complete` is false, the analysis is queued, and a
   * PROBLEMS_CHANGED notification tells the client to ask again when it is done.
   */
  private problemCount(): ProblemCount {
    const count: ProblemCount = { errors: 0, warnings: 0, templates: 0, projects: 0, complete: true };
    for (const entry of this.djangoEntries()) {
      const { project } = entry;
      count.projects++;
      if (!entry.scanned || project.unanalysedTemplates() > 0) {
        count.complete = false;
        if (entry.scanned) this.preAnalyse(entry);
      }
      for (const f of this.index.visible(entry, [...project.allFindings({ templates: false }), ...project.analysedTemplateFindings()])) {
        if (!countsAsProblem(f)) continue;
        if (f.severity === 'error') count.errors++;
        else count.warnings++;
        if (project.isTemplate(f.file)) count.templates++;
      }
    }
    return count;
  }

  /** The nginx config of the project at `root` (the first Django project when not given). */
  private async nginx(root: string | undefined, token?: CancellationToken): Promise<{ text: string; settingsModule: string | undefined; root: string } | null> {
    const [entry] = await this.deploymentEntries(root);
    if (!entry) return null;
    await this.prepare([entry], { deployment: true }, 'Django Deploy: reading the project', token);
    const facts = projectFacts(entry.project);
    const text = nginxConfig({ settingsModule: facts.settings?.module ?? '', staticUrl: facts.staticUrl, staticRoot: facts.staticRoot, mediaUrl: facts.mediaUrl, mediaRoot: facts.mediaRoot, allowedHosts: facts.allowedHosts, secureProxySslHeader: facts.secureProxySslHeader, sslRedirect: facts.sslRedirect, upstream: '127.0.0.1:8000' });
    return { text, settingsModule: facts.settings?.module, root: entry.root };
  }

  private location(p: Place, texts: Texts): Location {
    const text = texts.text(p.file) ?? '';
    return { uri: texts.uri(p.file), range: toRange(texts.lineIndex(p.file, text), p.start, p.end), label: p.label };
  }

  private async applyFix(args: ApplyFixArguments | undefined): Promise<{ applied: boolean }> {
    if (!args || typeof args.uri !== 'string' || typeof args.code !== 'string') return { applied: false };
    const path = uriToPath(args.uri);
    const state = this.open.get(path);
    const entry = state?.entry ?? this.index.entryFor(path);
    const candidates = entry.project
      .findingsFor(path)
      .filter((f) => f.code === args.code && (args.start === undefined || f.start === args.start) && (args.end === undefined || f.end === args.end))
      .flatMap((f) => f.fixes);
    const fix = (args.title ? candidates.find((f) => f.title === args.title) : undefined) ?? candidates.find((f) => f.safe) ?? candidates[0];
    if (!fix) return { applied: false };
    const edit = toWorkspaceEdit(fix.edits, this.texts(entry));
    if (!edit) return { applied: false };
    const response = await this.connection.workspace.applyEdit({ label: fix.title, edit });
    return { applied: response.applied };
  }

  // -------------------------------------------------------------------------------------------
  // Logging and containment

  /** Runs a handler; an exception is logged and the handler's empty result returned instead. */
  private guard<T>(name: string, empty: T, run: () => T | Promise<T>): T | Promise<T> {
    try {
      const result = run();
      if (result instanceof Promise) {
        return result.catch((error) => {
          if (isCancelled(error)) throw error; // the client asked for it: RequestCancelled
          this.logError(name, error);
          return empty;
        });
      }
      return result;
    } catch (error) {
      this.logError(name, error);
      return empty;
    }
  }

  log(message: string): void {
    this.connection.console.info(message);
  }

  logError(context: string, error: unknown): void {
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    this.connection.console.error(`${context} failed: ${detail}`);
  }
}

/**
 * What the engine analyses: Python modules, the dependency files it reads the Django version
 * from, and templates (documents open as html or django-html).
 */
/** A project's name as the deployment views show it: its folder's. */
function folderName(entry: ProjectEntry): string {
  return entry.root.split('/').pop() || entry.root;
}

function isEngineInput(document: TextDocument, path: string): boolean {
  if (document.languageId === 'python' || isTemplateLanguage(document)) return true;
  return !isVirtualPath(path) && (path.endsWith('.py') || isDependencyFile(path));
}

function isTemplateLanguage(document: TextDocument): boolean {
  return document.languageId === 'html' || document.languageId === 'django-html' || document.languageId === 'jinja-html' || document.languageId === 'htmldjango';
}

export type { DiagnosticData };

/** Whether two JSON-like values (diagnostics) serialise the same, without serialising them. */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (ka.length !== kb.length) return false;
  for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i] || !sameJson((a as Record<string, unknown>)[ka[i]], (b as Record<string, unknown>)[kb[i]])) return false;
  return true;
}

/** The `root` a whole-project request names (a workspace folder's path), if any. */
function requestedRoot(params: unknown): string | undefined {
  const root = (params as { root?: unknown } | null | undefined)?.root;
  return typeof root === 'string' && root ? trimRuns(root, '', '/') || '/' : undefined;
}
