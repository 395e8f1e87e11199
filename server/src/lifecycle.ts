import {
  ErrorCodes,
  ExitNotification,
  InitializeRequest,
  LSPErrorCodes,
  ResponseError,
  ShutdownRequest,
  type CancellationToken,
  type Message,
  type MessageStrategy,
} from "vscode-languageserver/node";

/**
 * The LSP 3.17 lifecycle, enforced before any handler runs: until `initialize`, every request is
 * answered ServerNotInitialized (-32002) and notifications are dropped; after `shutdown`, every
 * request (another `shutdown` included) is answered InvalidRequest (-32600) and notifications
 * other than `exit` are dropped. `exit` itself is vscode-languageserver's: the process ends
 * with 0 after `shutdown`, with 1 without it.
 *
 * An `initialize` the protocol library rejects (parameters that are not an object) leaves the
 * server waiting for a proper one.
 *
 * A refused request is passed on under REFUSED_METHOD (its handler, `refuse`, answers with the
 * error), so the protocol library still writes the one response the request is owed.
 */

export const REFUSED_METHOD = "$/partnerCharter/refused";

type Stage = "starting" | "running" | "shut down";

interface Refusal {
  method: string;
  code: number;
  message: string;
}

export class Lifecycle {
  private stage: Stage = "starting";

  /** Wraps a message strategy (that sees each message after the lifecycle let it through). */
  strategy(inner?: MessageStrategy): MessageStrategy {
    const pass = (message: Message, next: (message: Message) => void): void =>
      inner ? inner.handleMessage(message, next) : next(message);
    return {
      handleMessage: (message, next) => {
        const { id, method } = message as { id?: unknown; method?: unknown };
        if (typeof method !== "string") return pass(message, next); // a response to our own request
        const isRequest = id !== undefined && id !== null;
        const refusal = this.refusal(method, isRequest);
        if (refusal === "drop") return undefined;
        if (refusal) return next({ jsonrpc: "2.0", id, method: REFUSED_METHOD, params: refusal } as Message);
        if (method === ShutdownRequest.method) this.stage = "shut down";
        return pass(message, next);
      },
    };
  }

  /** The `initialize` request was accepted (its handler runs): other requests are answered from now on. */
  initialized(): void {
    if (this.stage === "starting") this.stage = "running";
  }

  private refusal(method: string, isRequest: boolean): Refusal | "drop" | undefined {
    if (method === ExitNotification.method) return undefined;
    if (this.stage === "starting" && method !== InitializeRequest.method) {
      if (!isRequest) return "drop";
      return {
        method,
        code: ErrorCodes.ServerNotInitialized,
        message: `The server is not initialized yet: send "initialize" before "${method}".`,
      };
    }
    if (this.stage === "running" && method === InitializeRequest.method && isRequest) {
      return { method, code: ErrorCodes.InvalidRequest, message: `The server is already initialized.` };
    }
    if (this.stage === "shut down") {
      if (!isRequest) return "drop";
      return {
        method,
        code: ErrorCodes.InvalidRequest,
        message: `The server is shutting down: "${method}" is not answered after "shutdown" (send "exit").`,
      };
    }
    return undefined;
  }
}

/** The handler of REFUSED_METHOD: answers the refused request with its error. */
export function refuse(params: unknown): never {
  const { code, message } = params as Refusal;
  throw new ResponseError(code, message);
}

/** The error a request answers once the client cancelled it (`$/cancelRequest`). */
export function cancelled(name: string): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, `The ${name} request was cancelled.`);
}

/** Throws RequestCancelled when the client cancelled the request. */
export function throwIfCancelled(token: CancellationToken | undefined, name: string): void {
  if (token?.isCancellationRequested) throw cancelled(name);
}
