/**
 * The VS Code side of Logbook LS: finds Java, starts the bundled server over stdio for Markdown
 * files, and adds what LSP cannot express — commands that act on the active editor, the
 * references code lens, and a status bar item. Everything about logbooks happens in the server.
 */
import * as fs from 'fs';
import * as path from 'path';
import { spawnSync } from 'child_process';
import * as vscode from 'vscode';
import {
  CloseAction, ErrorAction, Executable, LanguageClient, LanguageClientOptions, Location as LspLocation, Position as LspPosition,
  ServerOptions, State,
} from 'vscode-languageclient/node';
import { describeMissingJava, findJava, JavaProbe, JavaRuntime } from './java';
import { serverCommand } from './serverCommand';

const SERVER_COMMANDS = ['logbook.newEntry', 'logbook.sortEntries', 'logbook.normaliseDates', 'logbook.updateTableOfContents'];
const DEBUG_PORT = Number.parseInt(process.env.LOGBOOK_LS_DEBUG_PORT ?? '5005', 10);

let client: LanguageClient | undefined;
let output: vscode.OutputChannel;
let status: StatusBar | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  output = vscode.window.createOutputChannel('Logbook LS');
  context.subscriptions.push(output);
  context.subscriptions.push(
    vscode.commands.registerCommand('logbook.restartServer', () => restart(context)),
    vscode.commands.registerCommand('logbook.showOutput', () => output.show(true)),
    vscode.commands.registerCommand('logbook.showReferences', showReferences),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('logbook.java')) {
        void vscode.window.showInformationMessage('The Java settings of Logbook LS changed. Restart the server to use them?', 'Restart')
          .then((choice) => {
            if (choice === 'Restart') {
              void restart(context);
            }
          });
      }
    }),
  );
  status = new StatusBar(() => client);
  context.subscriptions.push(status);
  await start(context);
}

export async function deactivate(): Promise<void> {
  await stop();
}

async function start(context: vscode.ExtensionContext): Promise<void> {
  const java = discoverJava(context);
  if (!java) {
    return;
  }
  const jar = context.asAbsolutePath(path.join('server', 'logbook-ls.jar'));
  if (!fs.existsSync(jar)) {
    const message = `Logbook LS: the server (${jar}) is missing from this installation; reinstall the extension.`;
    output.appendLine(message);
    void vscode.window.showErrorMessage(message);
    return;
  }
  const settings = vscode.workspace.getConfiguration('logbook');
  const run: Executable = serverCommand({ java: java.executable, jar, vmArgs: settings.get<string>('java.vmargs') });
  const debug: Executable = serverCommand({ java: java.executable, jar, vmArgs: settings.get<string>('java.vmargs'), debugPort: DEBUG_PORT });
  const serverOptions: ServerOptions = context.extensionMode === vscode.ExtensionMode.Development ? debug : { run, debug };
  output.appendLine(`Starting the server with Java ${java.version} (${java.source}): ${run.command} ${run.args?.join(' ')}`);

  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ scheme: 'file', language: 'markdown' }, { scheme: 'untitled', language: 'markdown' }],
    synchronize: { configurationSection: 'logbook' },
    // A plain copy: the configuration object carries functions that do not travel.
    initializationOptions: { logbook: JSON.parse(JSON.stringify(settings)) },
    outputChannel: output,
    initializationFailedHandler: (error) => {
      output.appendLine(`The server failed to initialise: ${error}`);
      return false;
    },
    errorHandler: {
      error: () => ({ action: ErrorAction.Continue }),
      closed: () => ({ action: CloseAction.Restart, message: 'The Logbook language server stopped; restarting it. See "Logbook: Show Server Output".' }),
    },
    middleware: {
      // The palette runs server commands without arguments; the server needs the document.
      executeCommand: async (command, args, next) => {
        if (!SERVER_COMMANDS.includes(command)) {
          return next(command, args);
        }
        return runServerCommand(command, args, next);
      },
    },
  };
  client = new LanguageClient('logbook', 'Logbook LS', serverOptions, clientOptions);
  client.onDidChangeState((event) => {
    if (event.newState === State.Running) {
      status?.refresh();
    }
  });
  try {
    await client.start();
  } catch (error) {
    output.appendLine(`Could not start the server: ${error}`);
    void vscode.window.showErrorMessage('Logbook LS could not start its server.', 'Show Output')
      .then((choice) => {
        if (choice) {
          output.show(true);
        }
      });
  }
}

async function stop(): Promise<void> {
  const stopping = client;
  client = undefined;
  if (stopping) {
    try {
      await stopping.stop(5000);
    } catch (error) {
      output.appendLine(`Stopping the server: ${error}`);
    }
  }
}

async function restart(context: vscode.ExtensionContext): Promise<void> {
  output.appendLine('Restarting the server.');
  await stop();
  await start(context);
}

/** Runs the Java search and tells the user what went wrong, if anything; undefined when no Java can run the server. */
function discoverJava(context: vscode.ExtensionContext): JavaRuntime | undefined {
  const settings = vscode.workspace.getConfiguration('logbook');
  const bundled = context.asAbsolutePath('jre');
  ensureExecutable(path.join(bundled, 'bin', 'java'));
  ensureExecutable(path.join(bundled, 'lib', 'jspawnhelper'));
  const search = findJava({
    settingHome: settings.get<string | null>('java.home'),
    bundledHome: fs.existsSync(bundled) ? bundled : undefined,
  }, realProbe());
  for (const rejected of search.rejected) {
    output.appendLine(`Java candidate skipped (${rejected.source}, ${rejected.location}): ${rejected.reason}`);
  }
  if (!search.found) {
    const message = describeMissingJava(search);
    output.appendLine(message);
    void vscode.window.showErrorMessage(message, 'Open Settings', 'Show Output').then((choice) => {
      if (choice === 'Open Settings') {
        void vscode.commands.executeCommand('workbench.action.openSettings', 'logbook.java.home');
      } else if (choice === 'Show Output') {
        output.show(true);
      }
    });
    return undefined;
  }
  const refusedSetting = search.rejected.find((r) => r.source === 'setting');
  if (refusedSetting) {
    void vscode.window.showWarningMessage(`logbook.java.home cannot be used (${refusedSetting.reason}); `
      + `Logbook LS runs on Java ${search.found.version} from ${search.found.source} instead.`, 'Open Settings')
      .then((choice) => {
        if (choice) {
          void vscode.commands.executeCommand('workbench.action.openSettings', 'logbook.java.home');
        }
      });
  }
  return search.found;
}

/** A .vsix is a zip, and not every unzipper keeps the executable bit of the bundled runtime. */
function ensureExecutable(file: string): void {
  try {
    const mode = fs.statSync(file).mode;
    if ((mode & 0o111) === 0 && process.platform !== 'win32') {
      fs.chmodSync(file, mode | 0o755);
    }
  } catch {
    // No bundled runtime in this package, or a read-only installation: the search reports it.
  }
}

function realProbe(): JavaProbe {
  return {
    platform: process.platform,
    env: process.env,
    isFile: (file) => {
      try {
        return fs.statSync(file).isFile();
      } catch {
        return false;
      }
    },
    readFile: (file) => {
      try {
        return fs.readFileSync(file, 'utf8');
      } catch {
        return undefined;
      }
    },
    realPath: (file) => fs.realpathSync(file),
    runVersion: (executable) => {
      const result = spawnSync(executable, ['-version'], { encoding: 'utf8', timeout: 10000, shell: false });
      return result.error ? undefined : `${result.stderr}${result.stdout}`;
    },
  };
}

/** Adds the active document (and, for Normalise Dates, the style) to a server command run from the palette. */
async function runServerCommand(command: string, args: unknown[], next: (command: string, args: unknown[]) => vscode.ProviderResult<unknown>) {
  const editor = vscode.window.activeTextEditor;
  if (args.length === 0) {
    if (!editor || editor.document.languageId !== 'markdown') {
      void vscode.window.showInformationMessage('Open a Markdown logbook first.');
      return undefined;
    }
    args = [editor.document.uri.toString()];
  }
  if (command === 'logbook.normaliseDates' && args.length === 1) {
    const style = await vscode.window.showQuickPick([
      { label: 'ISO dates', description: '2024-03-12', value: 'iso' },
      { label: "The logbook's own style", description: 'as most of its entries are written', value: 'logbook' },
    ], { placeHolder: 'Write every entry date as…' });
    if (!style) {
      return undefined;
    }
    args = [...args, style.value];
  }
  const result = (await next(command, args)) as { message?: string; existing?: boolean } | undefined;
  if (result?.message) {
    void vscode.window.showInformationMessage(result.message);
  } else if (result?.existing) {
    void vscode.window.setStatusBarMessage("Today's entry already exists; moved to it.", 4000);
  }
  return result;
}

/** The references code lens: shows the references of the ID under the lens in VS Code's peek view. */
async function showReferences(uri: string, position: LspPosition): Promise<void> {
  if (!client) {
    return;
  }
  const locations = await client.sendRequest<LspLocation[] | null>('textDocument/references', {
    textDocument: { uri },
    position,
    context: { includeDeclaration: false },
  });
  const converted = (locations ?? []).map((location) => client!.protocol2CodeConverter.asLocation(location));
  await vscode.commands.executeCommand('editor.action.showReferences', vscode.Uri.parse(uri),
    client.protocol2CodeConverter.asPosition(position), converted);
}

interface Summary {
  logbook: boolean;
  entries?: number;
  latest?: { date: string; written: string; line: number };
}

/** "📖 42 entries · 2024-03-12" for the active logbook; a click opens the outline. */
class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('logbook.summary', vscode.StatusBarAlignment.Right, 100);
  private readonly subscriptions: vscode.Disposable[] = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly currentClient: () => LanguageClient | undefined) {
    this.item.name = 'Logbook';
    this.item.command = 'outline.focus';
    this.subscriptions.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.refresh()),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.document === vscode.window.activeTextEditor?.document) {
          this.schedule();
        }
      }),
      // New diagnostics mean the server has read the document: the first summary can be asked then.
      vscode.languages.onDidChangeDiagnostics((event) => {
        const active = vscode.window.activeTextEditor?.document.uri.toString();
        if (active && event.uris.some((uri) => uri.toString() === active)) {
          this.schedule();
        }
      }),
    );
  }

  schedule(): void {
    if (this.timer) {
      clearTimeout(this.timer);
    }
    this.timer = setTimeout(() => this.refresh(), 400);
  }

  async refresh(): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    const languageClient = this.currentClient();
    if (!editor || editor.document.languageId !== 'markdown' || !languageClient || !languageClient.isRunning()) {
      this.item.hide();
      return;
    }
    try {
      const summary = await languageClient.sendRequest<Summary>('logbook/summary', { uri: editor.document.uri.toString() });
      if (editor !== vscode.window.activeTextEditor) {
        return;
      }
      if (!summary.logbook) {
        this.item.hide();
        return;
      }
      const count = summary.entries ?? 0;
      const latest = summary.latest ? ` · ${summary.latest.date}` : '';
      this.item.text = `$(book) ${count} ${count === 1 ? 'entry' : 'entries'}${latest}`;
      this.item.tooltip = summary.latest
        ? `Logbook: ${count} entries; the latest is ${summary.latest.written} (line ${summary.latest.line + 1}). Click to open the outline.`
        : `Logbook: ${count} entries. Click to open the outline.`;
      this.item.show();
    } catch {
      this.item.hide();
    }
  }

  dispose(): void {
    if (this.timer) {
      clearTimeout(this.timer);
    }
    this.item.dispose();
    this.subscriptions.forEach((subscription) => subscription.dispose());
  }
}
