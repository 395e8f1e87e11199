import { escapeHtml } from "../text/escape";
import { showControlCharactersInProse as showControlCharacters } from "../text/control";

/**
 * A tiny HTML template helper: every value interpolated into `html\`…\`` is escaped unless it
 * is already `Html` (built by this helper). Charter text can therefore never become markup,
 * whatever a title or a detail contains, and its control characters show as `\u{…}`.
 */

export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export type HtmlValue = Html | string | number | boolean | null | undefined | readonly HtmlValue[];

function fragment(value: HtmlValue): string {
  if (value === null || value === undefined || value === false || value === true) return "";
  if (value instanceof Html) return value.value;
  if (Array.isArray(value)) return (value as readonly HtmlValue[]).map(fragment).join("");
  return escapeHtml(showControlCharacters(String(value)));
}

export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): Html {
  let out = strings[0] ?? "";
  values.forEach((value, i) => {
    out += fragment(value) + (strings[i + 1] ?? "");
  });
  return new Html(out);
}

/** Markup that is known to be safe (constant CSS, constant script); never pass charter text. */
export function trusted(markup: string): Html {
  return new Html(markup);
}
