/**
 * The one quote-aware scan of a line of YAML text: it visits the characters that are outside
 * quoted scalars and stops at a comment. Editor features that read lines while the author
 * types (completion, outline of broken text, suppression comments) build on it instead of
 * tracking quotes themselves.
 */

/** A quote opens a scalar only at its start: at the line start or after a space, `,`, `[`, `{` or `:`. */
function opensQuote(text: string, index: number): boolean {
  return index === 0 || /[\s,[{:]/.test(text[index - 1]!);
}

/** A `#` starts a comment at the line start or after white space. */
function startsComment(text: string, index: number): boolean {
  return text[index] === "#" && (index === 0 || /\s/.test(text[index - 1]!));
}

export interface LineScan {
  /** Where the scan ended: a comment's `#`, the index where `visit` stopped it, or `to`. */
  end: number;
  /** The scan ended at a comment. */
  comment: boolean;
  /** Where a quote opened that is still open at `to` (a quoted scalar that goes on, or is never closed). */
  openQuote?: number;
}

/**
 * Calls `visit` for each character of `text[from, to)` outside quoted scalars, until a comment
 * starts or `visit` returns true. Quote characters themselves are not visited.
 */
export function scanYamlLine(
  text: string,
  visit: (char: string, index: number) => boolean | void,
  from = 0,
  to = text.length,
): LineScan {
  let quote: string | undefined;
  let quoteStart = 0;
  for (let i = from; i < to; i++) {
    const char = text[i]!;
    if (quote) {
      if (char === "\\" && quote === '"') i++;
      else if (char === quote) quote = undefined;
      continue;
    }
    if (startsComment(text, i)) return { end: i, comment: true };
    if ((char === '"' || char === "'") && opensQuote(text, i)) {
      quote = char;
      quoteStart = i;
      continue;
    }
    if (visit(char, i) === true) return { end: i, comment: false };
  }
  return quote ? { end: to, comment: false, openQuote: quoteStart } : { end: to, comment: false };
}

/** True for a line that holds only a comment (suppression directives are such lines). */
export function isCommentLine(line: string): boolean {
  return /^\s*#/.test(line);
}

/** Index of the comment that ends the line (outside quotes), or -1. */
export function commentStart(text: string, from = 0): number {
  const scan = scanYamlLine(text, () => undefined, from);
  return scan.comment ? scan.end : -1;
}
