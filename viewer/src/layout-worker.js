/**
 * ForceAtlas2 in a web worker: a fixed number of iterations over flat arrays, so the page
 * stays responsive while the layout settles and the result is the same on every open.
 *
 * In: {xy: Float32Array [x0, y0, x1, y1, ...], edges: Uint32Array [s0, t0, s1, t1, ...],
 *      iterations, settings, every}. Out: {xy, done} after each slice of `every` ms (the
 * page draws each), and at the end.
 */
import iterate from "graphology-layout-forceatlas2/iterate.js";
import DEFAULTS from "graphology-layout-forceatlas2/defaults.js";

// Fields per node and per edge in ForceAtlas2's matrices (graphology-layout-forceatlas2/helpers.js).
const PPN = 10;
const PPE = 3;

function matrices(xy, edges) {
  const order = xy.length / 2;
  const nodes = new Float32Array(order * PPN);
  for (let i = 0; i < order; i++) {
    const j = i * PPN;
    nodes[j] = xy[2 * i];
    nodes[j + 1] = xy[2 * i + 1];
    nodes[j + 6] = 1; // mass: 1 + degree, as graphology's graphToByteArrays does
    nodes[j + 7] = 1; // convergence
    nodes[j + 8] = 1; // size
  }
  const links = new Float32Array((edges.length / 2) * PPE);
  for (let e = 0; e < edges.length / 2; e++) {
    const s = edges[2 * e] * PPN;
    const t = edges[2 * e + 1] * PPN;
    nodes[s + 6] += 1;
    nodes[t + 6] += 1;
    links[e * PPE] = s;
    links[e * PPE + 1] = t;
    links[e * PPE + 2] = 1;
  }
  return { nodes, links };
}

function positions(nodes) {
  const xy = new Float32Array(nodes.length / PPN * 2);
  for (let i = 0; i < xy.length / 2; i++) {
    xy[2 * i] = nodes[i * PPN];
    xy[2 * i + 1] = nodes[i * PPN + 1];
  }
  return xy;
}

self.onmessage = (event) => {
  const { xy, edges, iterations, settings, every } = event.data;
  const options = Object.assign({}, DEFAULTS, settings);
  const { nodes, links } = matrices(xy, edges);
  let done = 0;
  function slice() {
    const start = performance.now();
    while (done < iterations && performance.now() - start < every) {
      iterate(options, nodes, links);
      done++;
    }
    const out = positions(nodes);
    self.postMessage({ xy: out, done: done >= iterations }, [out.buffer]);
    if (done < iterations) setTimeout(slice, 0);
  }
  slice();
};
