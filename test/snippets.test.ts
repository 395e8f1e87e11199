import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { parse as parseYaml } from "yaml";
import { checkCharter } from "../core/src";
import { REPO_ROOT, TEST_TODAY } from "./support/paths";

/**
 * Every snippet of snippets/partner-charter.json, expanded the way VS Code would with its
 * defaults, placed where it belongs in a small valid charter, must parse and pass the
 * schema. Each choice of a `${n|a,b|}` placeholder is tried too.
 */

interface SnippetDef {
  prefix: string | string[];
  description: string;
  body: string | string[];
}

const SNIPPETS = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "snippets/partner-charter.json"), "utf8")) as Record<
  string,
  SnippetDef
>;

const [YEAR, MONTH, DAY] = TEST_TODAY.split("-") as [string, string, string];
const VARIABLES: Record<string, string> = {
  CURRENT_YEAR: YEAR,
  CURRENT_YEAR_SHORT: YEAR.slice(2),
  CURRENT_MONTH: MONTH,
  CURRENT_DATE: DAY,
  TM_FILENAME: "acme.partner.yaml",
  TM_FILENAME_BASE: "acme.partner",
  TM_SELECTED_TEXT: "",
  TM_CURRENT_LINE: "",
  TM_CURRENT_WORD: "",
  LINE_COMMENT: "#",
};

/**
 * Expands a TextMate/VS Code snippet body: `$n`, `${n}`, `${n:default}` (nested),
 * `${n|a,b|}` (choice `choose(n)`, first by default), `$VAR`, `${VAR}`, `${VAR:default}`,
 * `${VAR/regex/format/flags}` and backslash escapes. A repeated tab stop mirrors the first
 * one that has a default, as in the editor.
 */
function expandSnippet(body: string, choose: (stop: number, options: string[]) => string = (_s, o) => o[0]!) {
  const defaults = new Map<number, string>();
  let pos = 0;
  type Node =
    | { kind: "text"; text: string }
    | { kind: "stop"; n: number; children?: Node[] }
    | { kind: "choice"; n: number; options: string[] }
    | { kind: "var"; name: string; children?: Node[]; transform?: { regex: string; format: string; flags: string } };

  const readUntil = (stops: string): string => {
    let out = "";
    while (pos < body.length && !stops.includes(body[pos]!)) {
      if (body[pos] === "\\" && pos + 1 < body.length) {
        out += body[pos + 1];
        pos += 2;
      } else out += body[pos++];
    }
    return out;
  };

  const parseNodes = (endChar?: string): Node[] => {
    const nodes: Node[] = [];
    let text = "";
    const flush = (): void => {
      if (text) nodes.push({ kind: "text", text });
      text = "";
    };
    while (pos < body.length) {
      const c = body[pos]!;
      if (endChar && c === endChar) break;
      if (c === "\\" && pos + 1 < body.length && "$}\\".includes(body[pos + 1]!)) {
        text += body[pos + 1];
        pos += 2;
        continue;
      }
      if (c !== "$") {
        text += c;
        pos++;
        continue;
      }
      const simple = /^\$(\d+|[A-Z_][A-Z_0-9]*)/.exec(body.slice(pos));
      if (simple) {
        flush();
        pos += simple[0].length;
        const id = simple[1]!;
        nodes.push(/^\d/.test(id) ? { kind: "stop", n: Number(id) } : { kind: "var", name: id });
        continue;
      }
      const braced = /^\$\{(\d+|[A-Z_][A-Z_0-9]*)/.exec(body.slice(pos));
      if (!braced) {
        text += c;
        pos++;
        continue;
      }
      flush();
      pos += braced[0].length;
      const id = braced[1]!;
      const isStop = /^\d/.test(id);
      const next = body[pos];
      if (next === "}") {
        pos++;
        nodes.push(isStop ? { kind: "stop", n: Number(id) } : { kind: "var", name: id });
      } else if (next === ":") {
        pos++;
        const children = parseNodes("}");
        pos++;
        nodes.push(isStop ? { kind: "stop", n: Number(id), children } : { kind: "var", name: id, children });
      } else if (next === "|" && isStop) {
        pos++;
        const options: string[] = [];
        for (;;) {
          options.push(readUntil(",|"));
          if (body[pos++] === "|") break;
        }
        assert.equal(body[pos++], "}", `unterminated choice in ${body}`);
        nodes.push({ kind: "choice", n: Number(id), options });
      } else if (next === "/" && !isStop) {
        pos++;
        const regex = readUntil("/");
        pos++;
        const format = readUntil("/");
        pos++;
        const flags = readUntil("}");
        pos++;
        nodes.push({ kind: "var", name: id, transform: { regex, format, flags } });
      } else {
        throw new Error(`unsupported snippet syntax at ${pos} in ${body}`);
      }
    }
    flush();
    return nodes;
  };

  const nodes = parseNodes();
  // First pass: the value of each tab stop that has a default or a choice.
  const render = (list: Node[]): string =>
    list
      .map((node) => {
        switch (node.kind) {
          case "text":
            return node.text;
          case "choice": {
            const value = choose(node.n, node.options);
            defaults.set(node.n, value);
            return value;
          }
          case "stop": {
            if (node.children) {
              const value = render(node.children);
              if (!defaults.has(node.n)) defaults.set(node.n, value);
              return value;
            }
            return defaults.get(node.n) ?? "";
          }
          case "var": {
            const known = VARIABLES[node.name];
            if (node.transform) {
              const value = known ?? "";
              return value.replace(new RegExp(node.transform.regex, node.transform.flags), (...groups) =>
                node.transform!.format.replace(/\$(\d+)/g, (_m, g: string) => String(groups[Number(g)] ?? "")),
              );
            }
            if (known !== undefined) return known;
            return node.children ? render(node.children) : node.name;
          }
        }
      })
      .join("");
  render(nodes); // collect defaults (a mirror may come before its definition)
  return render(nodes);
}

/** Choice placeholders of a snippet: tab stop → options. */
function choicesOf(body: string): Map<number, string[]> {
  const found = new Map<number, string[]>();
  expandSnippet(body, (stop, options) => {
    found.set(stop, options);
    return options[0]!;
  });
  return found;
}

const bodyOf = (name: string): string => {
  const def = SNIPPETS[name];
  assert.ok(def, `snippet ${name} exists`);
  return Array.isArray(def.body) ? def.body.join("\n") : def.body;
};

/** A small charter that passes the schema; `@@` marks where a snippet goes (its indentation is kept). */
const HOST_HEAD = `apiVersion: partner-charter/v1
kind: Charter
id: host
title: Host charter
status: draft
owner: owner@example.com
partner:
  name: Host Partner
tier: partnership
leverage:
  type: economic
valueProposition:
  us:
    - { benefit: product-leverage, detail: x }
goals:
  us: x
measurement:
  reviewCadence: monthly
governance:
  syncCadence: biweekly
`;
const CRAWL = `  crawl:
    customers: 2
    goNoGo:
      - { metric: time, improvement: 20% }
`;
const WALK = `  walk:
    customers: 8
    goNoGo:
      - { metric: adoption, adoption: 70% }
`;

interface Placement {
  /** The charter with an `@@` line where the snippet is inserted. */
  host: string;
  /** Where the inserted content must end up in the parsed data, and a check of it. */
  expect: (data: Record<string, unknown>) => void;
}

const get = (data: unknown, ...keys: (string | number)[]): unknown =>
  keys.reduce<unknown>((node, key) => (node as Record<string | number, unknown> | undefined)?.[key], data);

const PLACEMENTS: Record<string, Placement> = {
  charter: {
    host: "@@\n",
    expect: (data) => {
      assert.equal(data.kind, "Charter");
      assert.ok(get(data, "phases", "crawl", "goNoGo", 0, "metric"));
    },
  },
  commitment: {
    host: `${HOST_HEAD}commitments:\n  us:\n    - { type: spend, detail: existing }\n    @@\n  partner:\n    - { type: roadmap, detail: x }\nphases:\n${CRAWL}`,
    expect: (data) => assert.equal(typeof get(data, "commitments", "us", 1, "type"), "string"),
  },
  "phase-crawl": {
    host: `${HOST_HEAD}commitments:\n  us: []\nphases:\n  @@\n`,
    expect: (data) => assert.ok(get(data, "phases", "crawl", "goNoGo", 0)),
  },
  "phase-walk": {
    host: `${HOST_HEAD}commitments:\n  us: []\nphases:\n${CRAWL}  @@\n`,
    expect: (data) => assert.ok(get(data, "phases", "walk", "goNoGo", 0)),
  },
  "phase-run": {
    host: `${HOST_HEAD}commitments:\n  us: []\nphases:\n${CRAWL}${WALK}  @@\n`,
    expect: (data) => assert.ok(get(data, "phases", "run", "start")),
  },
  criterion: {
    host: `${HOST_HEAD}commitments:\n  us: []\nphases:\n  crawl:\n    goNoGo:\n      - { metric: time, improvement: 20% }\n      @@\n`,
    expect: (data) => assert.equal(typeof get(data, "phases", "crawl", "goNoGo", 1, "metric"), "string"),
  },
  signature: {
    host: `${HOST_HEAD}commitments:\n  us: []\nphases:\n${CRAWL}signatures:\n  @@\n`,
    expect: (data) => assert.equal(get(data, "signatures", 0, "date"), TEST_TODAY),
  },
  metric: {
    host: HOST_HEAD.replace(
      "measurement:\n",
      "measurement:\n  metrics:\n    - { name: existing, target: x }\n    @@\n",
    ).concat("commitments:\n  us: []\nphases:\n", CRAWL),
    expect: (data) => assert.equal(typeof get(data, "measurement", "metrics", 1, "target"), "string"),
  },
};

/** Inserts the expansion at the `@@` line, each later line indented like the marker (as the editor does). */
function place(host: string, expansion: string): string {
  const lines = host.split("\n");
  const at = lines.findIndex((line) => line.trim() === "@@");
  assert.ok(at >= 0, "host has a @@ line");
  const indent = /^\s*/.exec(lines[at]!)![0];
  const inserted = expansion.split("\n").map((line) => (line ? indent + line : line));
  lines.splice(at, 1, ...inserted);
  return lines.join("\n");
}

function assertValid(name: string, text: string, label = name): void {
  const result = checkCharter(text, { today: TEST_TODAY });
  const bad = result.findings.filter((finding) => finding.rule === "schema" || finding.rule === "yaml-syntax");
  assert.deepEqual(
    bad.map((finding) => `${finding.rule} line ${finding.range.start.line + 1}: ${finding.message}`),
    [],
    `${label} placed in its host:\n${text}`,
  );
  const data = parseYaml(text) as Record<string, unknown>;
  PLACEMENTS[name]!.expect(data);
}

describe("snippets", () => {
  it("has exactly the snippets of the editor contract, each with a prefix and a description", () => {
    assert.deepEqual(Object.keys(SNIPPETS).sort(), [
      "charter",
      "commitment",
      "criterion",
      "metric",
      "phase-crawl",
      "phase-run",
      "phase-walk",
      "signature",
    ]);
    for (const [name, def] of Object.entries(SNIPPETS)) {
      const prefixes = Array.isArray(def.prefix) ? def.prefix : [def.prefix];
      assert.ok(prefixes.includes(name), `${name}: its name is a prefix`);
      assert.ok(def.description.length > 20, `${name}: has a description`);
    }
  });

  it("charter: with its defaults, its only findings are the decisions it leaves open (TODO)", () => {
    const findings = checkCharter(expandSnippet(bodyOf("charter")), { today: TEST_TODAY }).findings;
    assert.ok(findings.length >= 15, "every decision is marked TODO");
    assert.deepEqual(
      findings.filter((finding) => finding.rule !== "todo-placeholder" || finding.severity !== "info"),
      [],
    );
  });

  it("marks every free-text placeholder of a decision with TODO", () => {
    for (const name of Object.keys(SNIPPETS)) {
      for (const [, text] of bodyOf(name).matchAll(/\$\{\d+:([^$}|]+)\}/g)) {
        const isDecision = !/^(partner-id|Partner|Job title|\d+%?|engineer-months)$/.test(text!);
        if (isDecision) assert.match(text!, /^TODO\b/, `${name}: "${text}"`);
      }
    }
  });

  it("expands the snippet syntax like the editor", () => {
    assert.equal(expandSnippet("a: ${1:x ${2:y}} $2 ${3|p,q|} $0\\$5 $CURRENT_YEAR"), `a: x y y p $5 ${YEAR}`);
    assert.equal(expandSnippet("${TM_FILENAME_BASE/[.].*$//}"), "acme");
  });

  for (const name of Object.keys(PLACEMENTS)) {
    it(`${name}: expanded with its defaults, placed where it belongs, passes the schema`, () => {
      assertValid(name, place(PLACEMENTS[name]!.host, expandSnippet(bodyOf(name))));
    });

    it(`${name}: every choice of every choice placeholder passes the schema`, () => {
      for (const [stop, options] of choicesOf(bodyOf(name))) {
        for (const option of options) {
          const expansion = expandSnippet(bodyOf(name), (s, o) => (s === stop ? option : o[0]!));
          assertValid(name, place(PLACEMENTS[name]!.host, expansion), `${name} with $${stop}=${option}`);
        }
      }
    });
  }
});
