import { validateRulesConfig, type RulesConfig } from "../../core/src";
import { isIsoDate } from "../../core/src/navigation";

/**
 * Editor settings, section `partnerCharter` (EDITOR.md): `rules` (below the config file in
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

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** Reads the raw `partnerCharter` settings object; problems are messages for the user. */
export function readSettings(raw: unknown): { settings: ServerSettings; problems: string[] } {
  const problems: string[] = [];
  const settings: ServerSettings = { ...DEFAULT_SETTINGS };
  if (!isObject(raw)) return { settings, problems };

  if (raw.rules !== undefined && raw.rules !== null) {
    const { config, problems: ruleProblems } = validateRulesConfig(raw.rules, ["rules"]);
    settings.rules = Object.keys(config).length ? config : undefined;
    for (const problem of ruleProblems) problems.push(`Setting "partnerCharter.rules": ${problem.message}`);
  }

  const validate = raw.validate;
  if (isObject(validate) && validate.enable !== undefined) {
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

  const trace = isObject(raw.trace) ? raw.trace.server : undefined;
  if (trace === "off" || trace === "messages" || trace === "verbose") settings.trace = trace;
  return { settings, problems };
}

/** The machine's local date as YYYY-MM-DD. */
export function localToday(now = new Date()): string {
  const pad = (n: number): string => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
