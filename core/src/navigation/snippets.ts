import { isRecord } from "../facts/read";
import { deref, type SchemaNode } from "../schema/charter-schema";

/**
 * Turns the schema's `defaultSnippets` bodies (plain data) into block YAML in snippet syntax
 * (`${1:placeholder}`, `${2|a,b|}`), with absolute indentation so the text can be inserted as is.
 */

export interface SnippetOptions {
  /** YYYY-MM-DD placed in date fields. */
  today?: string;
}

class TabStops {
  private next = 1;
  take(): number {
    return this.next++;
  }
}

/** Escapes text for a snippet placeholder (`${1:text}`). */
export function escapePlaceholder(text: string): string {
  return text.replace(/[\\$}]/g, (ch) => `\\${ch}`);
}

/** Escapes plain text inserted in a snippet outside a placeholder. */
export function escapeSnippetText(text: string): string {
  return text.replace(/[\\$]/g, (ch) => `\\${ch}`);
}

function escapeChoice(text: string): string {
  return text.replace(/[\\,|$}]/g, (ch) => `\\${ch}`);
}

/** Quotes a YAML scalar when writing it plainly would change its meaning. */
export function yamlScalar(text: string): string {
  if (text === "") return '""';
  const needsQuotes =
    /^[\s\-?:,[\]{}#&*!|>'"%@`]/.test(text) ||
    /:(\s|$)|\s#|\s$/.test(text) ||
    /^(true|false|null|yes|no|on|off|~)$/i.test(text) ||
    /^[-+]?(\d[\d_]*(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(text);
  return needsQuotes ? JSON.stringify(text) : text;
}

function isTodo(value: unknown): boolean {
  return typeof value === "string" && /^TODO\b/.test(value);
}

function scalarSnippet(value: unknown, node: SchemaNode | undefined, stops: TabStops, options: SnippetOptions): string {
  const schema = node;
  if (schema?.enum && schema.enum.length > 1) {
    const values = schema.enum.map(String);
    const first = typeof value === "string" && values.includes(value) ? value : values[0]!;
    const ordered = [first, ...values.filter((v) => v !== first)];
    return `\${${stops.take()}|${ordered.map(escapeChoice).join(",")}|}`;
  }
  if (schema?.const !== undefined) return escapeSnippetText(yamlScalar(String(schema.const)));
  if (typeof value === "boolean") {
    return `\${${stops.take()}|${value},${!value}|}`;
  }
  if (schema?.format === "date" && (isTodo(value) || typeof value !== "string")) {
    return `\${${stops.take()}:${escapePlaceholder(options.today ?? "YYYY-MM-DD")}}`;
  }
  const text = typeof value === "string" ? yamlScalar(value) : String(value);
  return `\${${stops.take()}:${escapePlaceholder(text)}}`;
}

/**
 * Lines of block YAML for `value` (a mapping or a list), each prefixed with `indent` spaces.
 */
function blockLines(
  value: unknown,
  node: SchemaNode | undefined,
  indent: number,
  stops: TabStops,
  options: SnippetOptions,
): string[] {
  const pad = " ".repeat(indent);
  if (Array.isArray(value)) {
    const itemNode = deref(node?.items);
    const lines: string[] = [];
    for (const item of value) {
      if (isRecord(item) || Array.isArray(item)) {
        const inner = blockLines(item, itemNode, indent + 2, stops, options);
        if (inner.length === 0) continue;
        lines.push(`${pad}- ${inner[0]!.slice(indent + 2)}`, ...inner.slice(1));
      } else lines.push(`${pad}- ${scalarSnippet(item, itemNode, stops, options)}`);
    }
    return lines;
  }
  if (isRecord(value)) {
    const lines: string[] = [];
    for (const [key, child] of Object.entries(value)) {
      const childNode = deref(node?.properties?.[key]);
      if (isRecord(child) || Array.isArray(child)) {
        lines.push(`${pad}${key}:`, ...blockLines(child, childNode, indent + 2, stops, options));
      } else lines.push(`${pad}${key}: ${scalarSnippet(child, childNode, stops, options)}`);
    }
    return lines;
  }
  return [`${pad}${scalarSnippet(value, node, stops, options)}`];
}

/**
 * The snippet text of `key:` followed by `body` as its value, the key at column `keyCol`.
 * The first line carries no indentation (it replaces the word being typed).
 */
export function keySnippet(
  key: string,
  body: unknown,
  node: SchemaNode | undefined,
  keyCol: number,
  options: SnippetOptions = {},
): string {
  const stops = new TabStops();
  if (!isRecord(body) && !Array.isArray(body)) {
    return `${key}: ${scalarSnippet(body, node, stops, options)}`;
  }
  const lines = blockLines(body, node, keyCol + 2, stops, options);
  return [`${key}:`, ...lines].join("\n");
}

/**
 * The snippet text of a list item whose `- ` is at column `dashCol`. With `dashWritten`, the
 * `- ` is already in the text and the snippet starts with the item's content.
 */
export function itemSnippet(
  body: unknown,
  itemNode: SchemaNode | undefined,
  dashCol: number,
  dashWritten: boolean,
  options: SnippetOptions = {},
): string {
  const stops = new TabStops();
  const lines = blockLines([body], { type: "array", items: itemNode }, dashCol, stops, options);
  const first = lines[0]!.slice(dashCol + (dashWritten ? 2 : 0));
  return [first, ...lines.slice(1)].join("\n");
}

/** The snippet text of a whole document (the top-level mapping at column 0). */
export function documentSnippet(body: unknown, node: SchemaNode | undefined, options: SnippetOptions = {}): string {
  return blockLines(body, node, 0, new TabStops(), options).join("\n");
}
