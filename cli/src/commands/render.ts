import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { charterView, checkFiles, localToday, programPage } from "../../../core/src";
import {
  AUDIENCES,
  type Audience,
  renderCharterHtml,
  renderCharterMarkdown,
  renderProgramHtml,
  renderProgramMarkdown,
} from "../../../core/src/render";
import { isCharterFileName, isProgramFileName, searchFolderSync } from "../../../core/src/workspace";
import { chooseFormat, configOption, DOCUMENT_OPTIONS, existingFile, parseCommandArgs } from "../args";
import { UsageError } from "../errors";
import { writeOutput } from "../output";
import { parseDateOption } from "../today";
import type { CommandContext } from "./command";

export const RENDER_HELP = `Usage: partner-charter render FILE [options]

Renders a charter as one page to share with a partner or attach for signature: the same
page as the editor's preview. HTML is one self-contained file (inline styles, no scripts,
nothing loaded from the network, prints well); Markdown suits wikis and pull requests.
A charter with errors that signing does not resolve is marked "Draft — not ready for
signature".

Options:
  --format F          html | markdown (default: html)
  --audience A        internal (default): the team's page, with the file name, the
                      findings and the health score; partner: the page sent for
                      signature, naming both companies, with a signature block for each
                      party and none of the above
  --output FILE       write the page to FILE instead of stdout
  --today YYYY-MM-DD  fix "today" (timeline marker, date-relative findings)
  --config FILE       use this config instead of discovering .partner-charter.yaml

Exit codes: 0 rendered (whatever the findings), 2 the command could not run.`;

const FORMATS = ["html", "markdown"] as const;

function chooseAudience(given: string | undefined): Audience {
  const audience = given ?? "internal";
  if (!(AUDIENCES as readonly string[]).includes(audience)) {
    throw new UsageError(`render: unknown audience "${audience}". Use internal or partner.`);
  }
  return audience as Audience;
}

export function runRender(args: string[], context: CommandContext): number {
  const { values, positionals } = parseCommandArgs("render", args, {
    ...DOCUMENT_OPTIONS,
    audience: { type: "string" },
  });
  if (values.help) {
    process.stdout.write(`${RENDER_HELP}\n`);
    return 0;
  }
  const format = chooseFormat(values.format, FORMATS);
  const audience = chooseAudience(values.audience);
  if (positionals.length === 0) throw new UsageError('render: missing FILE. Run "partner-charter render --help".');
  if (positionals.length > 1) throw new UsageError("render: give exactly one FILE.");
  const today = parseDateOption("--today", values.today) ?? localToday();
  const configFile = configOption(values.config, context.cwd);
  const file = existingFile(positionals[0]!, context.cwd);
  if (isProgramFileName(path.basename(file))) {
    // The program's page: its decision, its tiers side by side, and the charters of each tier.
    const search = (folder: string): string[] => searchFolderSync(folder, isCharterFileName);
    const page = programPage(file, { today, configFile, search });
    writeOutput(format === "html" ? renderProgramHtml(page) : renderProgramMarkdown(page), values.output, context.cwd);
    return 0;
  }
  const { result } = checkFiles([file], { today, configFile }).charters[0]!;
  const view = charterView(result, { uri: pathToFileURL(file).href, fileName: path.basename(file), today });
  const page =
    format === "html"
      ? renderCharterHtml(view, { mode: "standalone", audience })
      : renderCharterMarkdown(view, { audience });
  writeOutput(page, values.output, context.cwd);
  return 0;
}
