// Parses each Mermaid file named on the command line with Mermaid's own parser (mermaid's parse, under jsdom,
// no browser) and prints, as one JSON object, what the parser understood of each: for an erDiagram the entities
// with their attributes and the relationships, for a flowchart the vertices, edges and subgraphs; or the parse
// error. keel's tests (dev.keel.diagram.MermaidOracle) compare that with what keel meant to write.
import { JSDOM } from 'jsdom';
import { readFileSync } from 'node:fs';

const dom = new JSDOM('<!doctype html><html><body></body></html>');
globalThis.window = dom.window;
globalThis.document = dom.window.document;
const mermaid = (await import('mermaid')).default;
mermaid.initialize({ startOnLoad: false });

const result = {};
for (const file of process.argv.slice(2)) {
  const text = readFileSync(file, 'utf8');
  try {
    await mermaid.parse(text);
    const diagram = await mermaid.mermaidAPI.getDiagramFromText(text);
    const db = diagram.db;
    if (diagram.type === 'er') {
      const names = new Map([...db.getEntities().entries()].map(([name, e]) => [e.id, name]));
      const entities = [...db.getEntities().entries()].map(([name, e]) => ({
        name,
        attributes: e.attributes.map(a => ({ type: a.type, name: a.name, keys: a.keys, comment: a.comment })),
      }));
      const relationships = db.getRelationships().map(r => ({
        from: names.get(r.entityA) ?? r.entityA, to: names.get(r.entityB) ?? r.entityB, label: r.roleA,
        cardA: r.relSpec.cardA, cardB: r.relSpec.cardB, relType: r.relSpec.relType,
      }));
      result[file] = { type: 'er', entities, relationships };
    } else {
      const vertices = [...db.getVertices().values()].map(v => ({ id: v.id, text: v.text, type: v.type ?? null,
        classes: v.classes }));
      const edges = db.getEdges().map(e => ({ from: e.start, to: e.end, text: e.text, stroke: e.stroke }));
      const subgraphs = db.getSubGraphs().map(s => ({ id: s.id, title: s.title, nodes: s.nodes }));
      result[file] = { type: diagram.type, vertices, edges, subgraphs };
    }
  } catch (e) {
    result[file] = { error: String(e.message ?? e) };
  }
}
process.stdout.write(JSON.stringify(result, null, 1));
