import type { Connection } from "vscode-languageserver/node";
import type { Progress } from "./closed-file-queue";

/**
 * The editor's progress report for a workspace pass ($/progress), when the client supports
 * server-initiated progress: a percentage and "N of M checked", sent only when the percentage
 * changes. The user may cancel it: the pass then stops (closed-file-queue.ts).
 */
export function workDoneProgress(
  connection: Connection,
  supported: () => boolean,
): (title: string) => Promise<Progress | undefined> {
  return async (title) => {
    if (!supported()) return undefined;
    const reporter = await connection.window.createWorkDoneProgress();
    reporter.begin("Partner Charter", 0, title, true);
    let lastPercent = -1;
    return {
      report(done, total) {
        const percent = total > 0 ? Math.floor((done * 100) / total) : 100;
        if (percent === lastPercent) return;
        lastPercent = percent;
        reporter.report(percent, `${done} of ${total} checked`);
      },
      done() {
        reporter.done();
      },
      cancelled: reporter.token,
    };
  };
}
