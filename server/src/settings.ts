import { isIsoDate, isRecord, validateRulesConfig, type RulesConfig } from "../../core/src";

/**
 * Editor settings, section `partnerCharter` (docs/language-server.md, "Settings"): `rules` (below the config file in
 * precedence), `validate.enable`, `today`, `trace.server`.
 */

export interface ServerSettings {
  rules: RulesConfig | undefined;
  validateEnabled: boolean;
  /** A fixed "today" (YYYY-MM-DD); undefined means the machine's local date. */
  today: string | undefined;
  trace: "off" | "messages" | "verbose";
}

export const DEFAULT_SETTINGS: ServerSettings = {
  rules: undefined,
  validateEnabled: true,
  today: undefined,
  trace: "off",
};

/**
 * The `partnerCharter` settings as a client pushed them (`initializationOptions.settings`,
 * `workspace/didChangeConfiguration`): either the bare object (`{ today, rules, … }`) or
 * nested under its section (`{ partnerCharter: { … } }`), as editors other than VS Code send
 * them. Anything else reads as no settings.
 */
export function pushedSettingsOf(raw: unknown): Record<string, unknown> | undefined {
  if (!isRecord(raw)) return undefined;
  return isRecord(raw.partnerCharter) ? raw.partnerCharter : raw;
}

/** Reads the raw `partnerCharter` settings object; problems are messages for the user. */
export function readSettings(raw: unknown): { settings: ServerSettings; problems: string[] } {
  const problems: string[] = [];
  const settings: ServerSettings = { ...DEFAULT_SETTINGS };
  if (!isRecord(raw)) return { settings, problems };

  if (raw.rules !== undefined && raw.rules !== null) {
    const { config, problems: ruleProblems } = validateRulesConfig(raw.rules, ["rules"]);
    settings.rules = Object.keys(config).length ? config : undefined;
    for (const problem of ruleProblems) problems.push(`Setting "partnerCharter.rules": ${problem.message}`);
  }

  const validate = raw.validate;
  if (isRecord(validate) && validate.enable !== undefined) {
    if (typeof validate.enable === "boolean") settings.validateEnabled = validate.enable;
    else problems.push(`Setting "partnerCharter.validate.enable" must be true or false.`);
  }

  const today = raw.today;
  if (typeof today === "string" && today.trim() !== "") {
    if (isIsoDate(today.trim())) settings.today = today.trim();
    else {
      problems.push(
        `Setting "partnerCharter.today" must be a date written YYYY-MM-DD, e.g. 2026-11-24; got "${today}". The machine's date is used instead.`,
      );
    }
  } else if (today !== undefined && today !== null && today !== "") {
    problems.push(`Setting "partnerCharter.today" must be a date written YYYY-MM-DD, e.g. 2026-11-24.`);
  }

  const trace = isRecord(raw.trace) ? raw.trace.server : undefined;
  if (trace === "off" || trace === "messages" || trace === "verbose") settings.trace = trace;
  return { settings, problems };
}

/** The machine's local date (the core's one "today"); re-exported for the workspace model. */
export { localToday } from "../../core/src";
