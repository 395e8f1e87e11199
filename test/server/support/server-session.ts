import * as fs from "node:fs";
import * as path from "node:path";
import type { PublishDiagnosticsParams } from "vscode-languageserver-protocol/node";
import { LspClient, makeWorkspace, uriOf, writeFile, type StartOptions } from "./lsp-client";
import { TODAY } from "./samples";

/**
 * The setup every language-server suite shares: in mocha's `before`, a temporary workspace
 * (with `files`) and the bundled server started in it over stdio, initialised with the real
 * JSON-RPC client; in `after`, the server shut down and the workspace removed.
 *
 *   const server = useServer({ files: { "a.partner.yaml": text } });
 *   it("…", async () => { const { diagnostics } = await server.open("b.partner.yaml", text); });
 */

export interface SessionOptions {
  /** Files written into the workspace before the server starts (name → text). */
  files?: Record<string, string>;
  /** The `partnerCharter` settings; default: today fixed at TODAY. */
  settings?: Record<string, unknown>;
  capabilities?: StartOptions["capabilities"];
  initializationOptions?: StartOptions["initializationOptions"];
}

export interface ServerSession {
  readonly client: LspClient;
  readonly workspace: string;
  /** The absolute path of a workspace file. */
  file(name: string): string;
  uri(name: string): string;
  /** Writes a file into the workspace (folders created); returns its path. */
  write(name: string, text: string): string;
  /**
   * Opens a charter in the editor and waits until the diagnostics published for it satisfy
   * `until` (default: those of this first version).
   */
  open(
    name: string,
    text: string,
    until?: (published: PublishDiagnosticsParams) => boolean,
  ): Promise<PublishDiagnosticsParams>;
}

export function useServer(options: SessionOptions = {}): ServerSession {
  let client: LspClient | undefined;
  let workspace: string | undefined;
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error("The server is not started: use it inside it() or a hook.");
    return value;
  };

  before(async () => {
    workspace = makeWorkspace(options.files);
    client = await LspClient.start({
      workspace,
      settings: options.settings ?? { today: TODAY },
      capabilities: options.capabilities,
      initializationOptions: options.initializationOptions,
    });
  });

  after(async () => {
    await client?.stop();
    if (workspace) fs.rmSync(workspace, { recursive: true, force: true });
  });

  const session: ServerSession = {
    get client() {
      return started(client);
    },
    get workspace() {
      return started(workspace);
    },
    file: (name) => path.join(session.workspace, name),
    uri: (name) => uriOf(session.file(name)),
    write: (name, text) => writeFile(session.workspace, name, text),
    async open(name, text, until = (published) => published.version === 1) {
      const uri = session.uri(name);
      await session.client.open(uri, text);
      return session.client.waitForDiagnostics(uri, until);
    },
  };
  return session;
}
