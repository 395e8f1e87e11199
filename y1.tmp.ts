import { parseDocument, isMap, isSeq, isPair, isScalar } from "yaml";
const text = `apiVersion: x
partner:
  name: Foo
  ti
tier: strategic
phases:
  crawl:
    goNoGo:
      - { metric: a, improvement: 20% }
      - metric: b
        adoption: 5
`;
const doc = parseDocument(text, { keepSourceTokens: false });
console.log(doc.errors.map(e => e.code + " " + e.message.split("\n")[0]));
const dump = (n: any, ind = ""): void => {
  if (isMap(n)) { console.log(ind + "MAP", n.range, n.flow); for (const p of n.items) { console.log(ind + " KEY", (p.key as any)?.value, (p.key as any)?.range); dump(p.value, ind + "  "); } }
  else if (isSeq(n)) { console.log(ind + "SEQ", n.range); for (const i of n.items) dump(i, ind + "  "); }
  else if (isScalar(n)) console.log(ind + "SCALAR", JSON.stringify(n.value), n.range);
  else console.log(ind + String(n));
};
dump(doc.contents);
