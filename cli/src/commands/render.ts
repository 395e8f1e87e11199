import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { charterView, checkFiles, localToday } from "../../../core/src";
import { renderCharterHtml, renderCharterMarkdown } from "../../../core/src/render";
import { chooseFormat, configOption, DOCUMENT_OPTIONS, existingFile, parseCommandArgs } from "../args";
import { UsageError } from "../errors";
import { writeOutput } from "../output";
import { parseDateOption } from "../today";
import type { CommandContext } from "./command";

export const RENDER_HELP = `Usage: partner-charter render FILE [options]

Renders a charter as one page to share with a partner or attach for signature: the same
page as the editor's preview. HTML is one self-contained file (inline styles, no scripts,
nothing loaded from the network, prints well); Markdown suits wikis and pull requests.

Options:
  --format F          html | markdown (default: html)
  --output FILE       write the page to FILE instead of stdout
  --today YYYY-MM-DD  fix "today" (timeline marker, date-relative findings)
  --config FILE       use this config instead of discovering .partner-charter.yaml

Exit codes: 0 rendered (whatever the findings), 2 the command could not run.`;

const FORMATS = ["html", "markdown"] as const;

export function runRender(args: string[], context: CommandContext): number {
  const { values, positionals } = parseCommandArgs("render", args, DOCUMENT_OPTIONS);
  if (values.help) {
    process.stdout.write(`${RENDER_HELP}\n`);
    return 0;
  }
  const format = chooseFormat(values.format, FORMATS);
  if (positionals.length === 0) throw new UsageError('render: missing FILE. Run "partner-charter render --help".');
  if (positionals.length > 1) throw new UsageError("render: give exactly one FILE.");
  const today = parseDateOption("--today", values.today) ?? localToday();
  const configFile = configOption(values.config, context.cwd);
  const file = existingFile(positionals[0]!, context.cwd);
  const { result } = checkFiles([file], { today, configFile }).charters[0]!;
  const view = charterView(result, { uri: pathToFileURL(file).href, fileName: path.basename(file), today });
  const page = format === "html" ? renderCharterHtml(view, { mode: "standalone" }) : renderCharterMarkdown(view);
  writeOutput(page, values.output, context.cwd);
  return 0;
}
