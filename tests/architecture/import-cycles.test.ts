import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// Domain folders must form a DAG (ARCHITECTURE.md: "where new code goes"): when two domains
// need each other, the shared part moves into a third they both use. This reads every import of
// the app's source, folds files into their domain folder and reports each strongly connected
// group of folders — a cycle — with one import that closes it. Type-only imports do not count.
const ROOTS = ['app', 'components', 'lib'];
const SOURCE = /\.(ts|tsx)$/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) return sourceFiles(p);
    return SOURCE.test(name) && !/\.test\.tsx?$/.test(name) ? [p] : [];
  });
}

function domainOf(file: string): string {
  const parts = file.split(path.sep);
  if (parts[0] === 'app') return 'app';
  if (parts[0] === 'lib' && parts[1] === 'server') return parts.slice(0, 3).join('/');
  return parts
    .slice(0, 2)
    .join('/')
    .replace(/\.tsx?$/, '');
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  // Type-only imports vanish at run time; the runtime graph is what must be acyclic.
  const specs = [...text.matchAll(/^(?:import|export)(?!\s+type\s)[^'"]*?from\s+['"]([^'"]+)['"]/gm)].map((m) => m[1]);
  return specs.flatMap((spec) => {
    if (spec.startsWith('@/')) return [spec.slice(2)];
    if (spec.startsWith('.')) return [path.join(path.dirname(file), spec)];
    return [];
  });
}

function domainGraph(): Map<string, Map<string, string>> {
  const graph = new Map<string, Map<string, string>>();
  for (const file of ROOTS.flatMap(sourceFiles)) {
    const from = domainOf(file);
    for (const target of importsOf(file)) {
      const to = domainOf(target);
      if (to === from || !ROOTS.includes(to.split('/')[0])) continue;
      if (!graph.has(from)) graph.set(from, new Map());
      if (!graph.get(from)!.has(to)) graph.get(from)!.set(to, `${file} → ${target}`);
    }
  }
  return graph;
}

// Tarjan's strongly connected components.
function cycles(graph: Map<string, Map<string, string>>): string[][] {
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v)?.keys() ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const group: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        group.push(w);
      } while (w !== v);
      if (group.length > 1) out.push(group.sort());
    }
  };
  for (const v of graph.keys()) if (!idx.has(v)) visit(v);
  return out;
}

describe('import graph', () => {
  it('has no cycles between domain folders', () => {
    const graph = domainGraph();
    const found = cycles(graph).map((group) => {
      const edges = group.flatMap((a) => group.filter((b) => graph.get(a)?.has(b)).map((b) => graph.get(a)!.get(b)!));
      return `${group.join(' ⇄ ')}\n    ${edges.join('\n    ')}`;
    });
    expect(found, found.join('\n')).toEqual([]);
  });
});
