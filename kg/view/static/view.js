// One graph view: the network, a legend that filters by type, a relation
// filter, and a search box. The data comes from the page's #kg-data element;
// window.kgView exposes the network for people and tests in the console.
(function () {
  "use strict";

  const data = JSON.parse(document.getElementById("kg-data").textContent);
  const nodes = new vis.DataSet(data.nodes);
  const edges = new vis.DataSet(data.edges);
  const hiddenTypes = new Set();
  const hiddenRelations = new Set();
  const shownNodes = new vis.DataView(nodes, { filter: (n) => !hiddenTypes.has(n.group) });
  const shownEdges = new vis.DataView(edges, { filter: (e) => !hiddenRelations.has(e.relation) });
  const status = document.getElementById("status");
  const network = new vis.Network(document.getElementById("graph"),
                                  { nodes: shownNodes, edges: shownEdges }, options());
  const view = (window.kgView = { network, nodes, edges, shownNodes, shownEdges, ready: false, select, matches });

  function options() {
    const groups = {};
    for (const t of data.types) {
      groups[t.type] = { shape: t.shape, color: { background: t.colour, border: t.colour } };
    }
    const big = !data.physics;
    return {
      groups,
      nodes: {
        scaling: { min: 8, max: 40, label: { enabled: true, min: 12, max: 26, drawThreshold: 7 } },
        font: { face: getComputedStyle(document.body).fontFamily },
      },
      edges: {
        color: { color: "#b8b8b8", highlight: "#333", hover: "#666" },
        font: { size: 10, color: "#666", strokeWidth: 3, align: "middle" },
        scaling: { label: { drawThreshold: 9 } },
        // Straight lines draw fastest; dynamic curves would add a physics body
        // per link. The page bends only the second link between two nodes.
        smooth: false,
        width: 1,
      },
      interaction: { hover: true, tooltipDelay: 150, hideEdgesOnDrag: big, hideEdgesOnZoom: big },
      physics: data.physics
        ? { solver: "forceAtlas2Based", minVelocity: 1,
            // No pull to the centre: it would bend the packed rows of
            // unlinked parts into arcs around the largest.
            forceAtlas2Based: { gravitationalConstant: -80, centralGravity: 0, springLength: 120,
                                avoidOverlap: 0.3 },
            stabilization: { iterations: 100, updateInterval: 10 } }
        : { enabled: false },
      layout: { improvedLayout: false },
    };
  }

  // Physics settles the precomputed layout before the first picture, then
  // stops, so the graph holds still while people read it.
  function settle() {
    if (!data.physics) {
      network.once("afterDrawing", ready);
      return;
    }
    network.on("stabilizationProgress", (p) => {
      status.textContent = `布局中 ${Math.round((100 * p.iterations) / p.total)}%`;
    });
    network.once("stabilizationIterationsDone", () => {
      network.setOptions({ physics: { enabled: false } });
      network.once("afterDrawing", ready);
      network.redraw();
    });
  }

  function ready() {
    status.textContent = `${nodes.length.toLocaleString()} 个实体，${edges.length.toLocaleString()} 条关系`;
    view.ready = true;
    view.readyAt = performance.now();
    document.body.dataset.ready = "true";
  }

  // Legend and filters ------------------------------------------------------

  const SHAPES = {
    dot: '<circle cx="8" cy="8" r="6"/>',
    square: '<rect x="2" y="2" width="12" height="12"/>',
    diamond: '<polygon points="8,1 15,8 8,15 1,8"/>',
    triangle: '<polygon points="8,1 15,14 1,14"/>',
    triangleDown: '<polygon points="1,2 15,2 8,15"/>',
    hexagon: '<polygon points="4,1.5 12,1.5 15.5,8 12,14.5 4,14.5 0.5,8"/>',
    star: '<polygon points="8,0.5 10,6 15.5,6 11,9.5 12.8,15 8,11.7 3.2,15 5,9.5 0.5,6 6,6"/>',
  };

  function swatch(shape, colour) {
    return `<svg width="16" height="16" viewBox="0 0 16 16" fill="${colour}" aria-hidden="true">${SHAPES[shape]}</svg>`;
  }

  function checkbox(box, attribute, value, label, count, marker, hidden) {
    const item = document.createElement("label");
    item.innerHTML = `<input type="checkbox" checked>${marker}<span></span><span class="count">${count}</span>`;
    item.querySelector("span").textContent = label;
    const input = item.querySelector("input");
    input.dataset[attribute] = value;
    input.addEventListener("change", () => {
      if (input.checked) hidden.delete(value);
      else hidden.add(value);
      (hidden === hiddenTypes ? shownNodes : shownEdges).refresh();
    });
    box.appendChild(item);
  }

  function filters() {
    const types = document.getElementById("types");
    for (const t of data.types) {
      checkbox(types, "type", t.type, `${t.name} ${t.type}`, t.count, swatch(t.shape, t.colour), hiddenTypes);
    }
    const relations = document.getElementById("relations");
    for (const r of data.relations) {
      checkbox(relations, "relation", r.relation, `${r.name} ${r.relation}`, r.count, "", hiddenRelations);
    }
  }

  function showType(type) {
    const input = document.querySelector(`#types input[data-type="${type}"]`);
    if (input && !input.checked) {
      input.checked = true;
      input.dispatchEvent(new Event("change"));
    }
  }

  // Search --------------------------------------------------------------------

  // As the scorer compares names: NFKC, no spaces, quotation or title marks.
  const normal = (s) => s.normalize("NFKC").toLowerCase().replace(/[\s“”‘’"'「」《》]/g, "");

  // Best first: the name itself, an alias, a name that starts with the query,
  // one that contains it; then the better linked, then the shorter.
  function matches(query) {
    const q = normal(query);
    if (!q) return [];
    const found = [];
    nodes.forEach((n) => {
      const names = [n.label, ...n.aliases].map(normal);
      const rank = names[0] === q ? 0 : names.includes(q) ? 1
        : names.some((s) => s.startsWith(q)) ? 2 : names.some((s) => s.includes(q)) ? 3 : -1;
      if (rank >= 0) found.push({ rank, node: n });
    });
    found.sort((a, b) => a.rank - b.rank || b.node.value - a.node.value
                         || a.node.label.length - b.node.label.length);
    return found.map((f) => f.node);
  }

  function select(id) {
    const node = nodes.get(id);
    showType(node.group);
    network.selectNodes([id]);
    network.focus(id, { scale: Math.max(network.getScale(), 1.2), animation: { duration: 300 } });
    status.textContent = `${node.label}（${node.group}）`;
  }

  function search() {
    const input = document.getElementById("search");
    const list = document.getElementById("matches");
    let timer = 0;
    const update = () => {
      const found = matches(input.value);
      list.replaceChildren(...found.slice(0, 12).map((n, i) => {
        const item = document.createElement("li");
        item.textContent = n.label;
        const type = document.createElement("small");
        type.textContent = n.group;
        item.appendChild(type);
        item.classList.toggle("best", i === 0);
        item.addEventListener("mousedown", () => select(n.id));
        return item;
      }));
      list.hidden = found.length === 0 || document.activeElement !== input;
      if (found.length) select(found[0].id);
      else if (input.value.trim()) status.textContent = "没有找到";
    };
    input.addEventListener("input", (e) => {
      if (e.isComposing) return;      // wait for the input method to finish the word
      clearTimeout(timer);
      timer = setTimeout(update, 150);
    });
    input.addEventListener("keydown", (e) => {
      if (e.key === "Enter") { clearTimeout(timer); update(); }
      if (e.key === "Escape") list.hidden = true;
    });
    input.addEventListener("focus", () => { list.hidden = list.children.length === 0; });
    input.addEventListener("blur", () => { list.hidden = true; });
  }

  filters();
  search();
  settle();
})();
