// The layout adapter: DOT in, SVG or Graphviz JSON out. Everything above it is pure text;
// everything below it (graphviz-wasm) is an implementation detail that tests can replace or spy on.
import graphviz from 'graphviz-wasm';

export type LayoutFormat = 'svg' | 'json';

export interface LayoutEngine {
  layout(dot: string, format: LayoutFormat): Promise<string>;
}

/** Graphviz 2.50 compiled to WASM, loaded once per process on first use. */
export function graphvizWasm(): LayoutEngine {
  return {
    async layout(dot, format) {
      await graphviz.loadWASM();
      return graphviz.layout(dot, format, 'dot');
    },
  };
}
