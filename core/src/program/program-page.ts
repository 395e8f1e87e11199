import * as path from "node:path";
import { checkFiles } from "../engine/check-files";
import { charterHealth } from "../facts/health";
import type { ProgramPage } from "../render/program-page";
import { chartersOfProgram } from "./discover-program";
import type { Program } from "./program";

/**
 * What the page of a program shows (`render` on a program file, the editor's preview of one):
 * the program's data and findings, and each charter that belongs to it with its tier and
 * health. `search` lists the charter files below a folder; `text` is the editor's unsaved text.
 */
export function programPage(
  file: string,
  options: { today: string; configFile?: string; text?: string; search: (folder: string) => string[] },
): ProgramPage {
  const charters = chartersOfProgram(file, options.search);
  const overrides = options.text === undefined ? undefined : new Map([[file, options.text]]);
  const checked = checkFiles([file, ...charters], {
    today: options.today,
    configFile: options.configFile,
    overrides,
  }).charters;
  const own = checked.find((outcome) => outcome.program)!.result;
  return {
    fileName: path.basename(file),
    program: own.parsed.data as Program | undefined,
    findings: own.findings,
    charters: checked
      .filter((outcome) => !outcome.program)
      .map((outcome) => ({
        label: path.relative(path.dirname(file), outcome.file).split(path.sep).join("/"),
        tier: typeof outcome.result.charter?.tier === "string" ? outcome.result.charter.tier : undefined,
        health: charterHealth(outcome.result),
      })),
  };
}
