import { Composer, CST, Lexer, Parser, YAMLParseError, type Document } from "yaml";

/**
 * Reads YAML text into a document with every guard a hand-written file needs: nesting is
 * bounded before anything recursive runs (the YAML library's parser and composer recurse once
 * per level, and so do toJS, the schema check, the rules, the digest and the page), duplicate
 * keys are left to `duplicate-keys.ts` (the library compares each key with every earlier one,
 * quadratic in the number of keys), and the library never prints warnings.
 */

/** Charters nest about eight levels deep; far deeper input is refused before it is parsed. */
export const MAX_NESTING_DEPTH = 64;

export type ReadYaml =
  | { doc: Document.Parsed; tooDeepAt?: undefined }
  | { doc?: undefined; /** Offset of the token that went past MAX_NESTING_DEPTH. */ tooDeepAt: number };

/** A lone "\r" is a line break in YAML 1.2, but the library reads it as content; same length, same offsets. */
export function yamlLineBreaks(text: string): string {
  return text.includes("\r") ? text.replace(/\r(?!\n)/g, "\n") : text;
}

const BLOCK_INDICATORS = new Set(["seq-item-ind", "map-value-ind", "explicit-key-ind"]);

/**
 * Tracks an upper bound of the nesting depth token by token: the block levels open at the
 * line's indentation, the indicators (`- `, `key:`, `? `) before the token on its line, and
 * the open flow brackets.
 */
class DepthGauge {
  private readonly levels: number[] = [];
  private lineStart = true;
  private indent = 0;
  private inline = 0;
  private flow = 0;

  /** Returns the depth after `token` (a lexeme that is not a marker). */
  next(token: string, type: string | null): number {
    if (type === "newline") {
      this.lineStart = true;
      this.indent = 0;
      this.inline = 0;
      return 0;
    }
    if (type === "space" || type === "comment") {
      if (this.lineStart && type === "space") this.indent = token.length;
      return 0;
    }
    if (this.lineStart && this.flow === 0) {
      while (this.levels.length > 0 && this.levels[this.levels.length - 1]! >= this.indent) this.levels.pop();
      this.levels.push(this.indent);
    }
    this.lineStart = false;
    if (type === "flow-map-start" || type === "flow-seq-start") this.flow++;
    else if ((type === "flow-map-end" || type === "flow-seq-end") && this.flow > 0) this.flow--;
    else if (this.flow === 0 && type !== null && BLOCK_INDICATORS.has(type)) this.inline++;
    return this.levels.length + this.inline + this.flow;
  }

  /** A block scalar's body ends with its line break: the next token starts a line. */
  scalarSource(source: string): void {
    if (source.endsWith("\n")) {
      this.lineStart = true;
      this.indent = 0;
      this.inline = 0;
    } else this.lineStart = false;
  }
}

/** Parses `text` (already with YAML line breaks) into one document, or stops at excessive nesting. */
export function readYaml(text: string): ReadYaml {
  const parser = new Parser();
  const gauge = new DepthGauge();
  const tokens: CST.Token[] = [];
  let offset = 0;
  let scalarSourceNext = false;
  for (const lexeme of new Lexer().lex(text)) {
    if (lexeme === CST.SCALAR) scalarSourceNext = true;
    else if (lexeme !== CST.DOCUMENT && lexeme !== CST.FLOW_END) {
      if (scalarSourceNext) {
        scalarSourceNext = false;
        gauge.next("", null);
        gauge.scalarSource(lexeme);
      } else if (gauge.next(lexeme, CST.tokenType(lexeme)) > MAX_NESTING_DEPTH) return { tooDeepAt: offset };
      offset += lexeme.length;
    }
    for (const token of parser.next(lexeme)) tokens.push(token);
  }
  for (const token of parser.end()) tokens.push(token);
  return { doc: composeOne(tokens, text.length) };
}

function composeOne(tokens: CST.Token[], length: number): Document.Parsed {
  const composer = new Composer({ uniqueKeys: false, logLevel: "error", keepSourceTokens: false });
  let doc: Document.Parsed | undefined;
  for (const next of composer.compose(tokens, true, length)) {
    if (!doc) doc = next;
    else {
      const at: [number, number] = [next.range[0], next.range[1]];
      doc.errors.push(new YAMLParseError(at, "MULTIPLE_DOCS", "Source contains multiple documents"));
      break;
    }
  }
  // compose(…, forceDoc = true) always yields a document, if only an empty one.
  return doc!;
}
