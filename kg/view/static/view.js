// One graph view: the network, a legend that filters by type, a relation
// filter, a slider that hides links below a confidence, a toggle for entities
// linked to nothing, a search box, and a tooltip that a click pins. The data comes from the page's #kg-data element;
// window.kgView exposes the network for people and tests in the console.
(function () {
  "use strict";

  const data = JSON.parse(document.getElementById("kg-data").textContent);

  // Labels grow with the square root of a node's links, so that the hubs' are
  // read at the opening zoom and the rest appear as one zooms in.
  const LABEL = { min: 14, max: 32, readable: 12, drawThreshold: 8 };
  // at the opening zoom the labels of this many of the biggest nodes can be read
  const OPENING_LABELS = 10;
  // up to this many entities, every label can be read at the opening zoom
  const ALL_LABELS = 100;

  const nodes = new vis.DataSet(data.nodes);
  const edges = new vis.DataSet(data.edges);
  const hiddenTypes = new Set();
  const hiddenRelations = new Set();
  // Entities linked to nothing would open the page as a grid of dots: they wait behind a toggle,
  // unless they are all the page has (a zone named in passing, with no fact of its own).
  const isolated = (n) => n.value === 0;
  let showIsolated = data.nodes.every(isolated);
  const shownNodes = new vis.DataView(nodes, {
    filter: (n) => !hiddenTypes.has(n.group) && (showIsolated || !isolated(n)),
  });
  // At 0 the slider hides nothing, links of unknown confidence included; above it, those go too.
  let minConfidence = 0;
  const sure = (e) => minConfidence <= 0 || (e.confidence !== undefined && e.confidence >= minConfidence);
  const shownEdges = new vis.DataView(edges, { filter: (e) => !hiddenRelations.has(e.relation) && sure(e) });
  const status = document.getElementById("status");
  const network = new vis.Network(document.getElementById("graph"),
                                  { nodes: shownNodes, edges: shownEdges }, options());
  const tip = document.getElementById("tip");
  const view = (window.kgView = { network, nodes, edges, shownNodes, shownEdges, ready: false, select, matches,
                                  pinned: null, labelSize, minConfidence: () => minConfidence });

  function share(min, max, total, value) {
    return max === min ? 0.5 : Math.sqrt((value - min) / (max - min));
  }

  // the font size vis-network gives a node's label, in the graph's units
  function labelSize(node) {
    const values = shownNodes.map((n) => n.value);
    const max = view.labelMax || LABEL.max;
    return LABEL.min + (max - LABEL.min) * share(Math.min(...values), Math.max(...values), 0, node.value);
  }

  function options() {
    const groups = {};
    for (const t of data.types) {
      groups[t.type] = { shape: t.shape, color: { background: t.colour, border: t.colour } };
    }
    const big = !data.physics;
    return {
      groups,
      nodes: {
        scaling: {
          min: 8, max: 48, customScalingFunction: share,
          label: { enabled: true, min: LABEL.min, max: LABEL.max, maxVisible: 24, drawThreshold: LABEL.drawThreshold },
        },
        font: { face: getComputedStyle(document.body).fontFamily, strokeWidth: 3, strokeColor: "#fff" },
      },
      edges: {
        color: { color: "#b8b8b8", highlight: "#333", hover: "#666" },
        font: { size: 10, color: "#666", strokeWidth: 3, align: "middle" },
        // link labels appear as one zooms in: at the opening zoom they would cover the picture
        scaling: { label: { drawThreshold: 12 } },
        // Straight lines draw fastest; dynamic curves would add a physics body
        // per link. The page bends only the second link between two nodes.
        smooth: false,
        width: 1,
      },
      interaction: { hover: true, hideEdgesOnDrag: big, hideEdgesOnZoom: big },
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

  // A page of a few dozen entities (a zone's) opens where every label can be
  // read, around its biggest node; a bigger one shows the whole picture, with
  // the labels of its biggest nodes grown until they can be read at its scale.
  // Zooming in shows the rest, and caps the big ones.
  function openingView() {
    network.fit({ animation: false });
    const readable = LABEL.readable / LABEL.min;
    if (shownNodes.length <= ALL_LABELS && network.getScale() < readable) {
      const centre = shownNodes.get().sort((a, b) => b.value - a.value)[0];
      network.moveTo({ position: network.getPosition(centre.id), scale: readable, animation: false });
      return;
    }
    const scale = network.getScale();
    const position = network.getViewPosition();
    const values = shownNodes.map((n) => n.value).sort((a, b) => b - a);
    const least = values[values.length - 1];
    // the smallest of the biggest that stand out from the least linked
    const last = values.slice(0, OPENING_LABELS).filter((v) => v > least).pop();
    if (last === undefined) return;
    const part = share(least, values[0], 0, last);
    const max = Math.max(LABEL.max, LABEL.min + (LABEL.readable / scale - LABEL.min) / part);
    network.setOptions({ nodes: { scaling: { label: { max } } } });
    // vis-network sizes labels anew when its data changes, not when its options do (vis 9.1.2, as pyvis ships it)
    network.body.emitter.emit("_dataChanged");
    network.moveTo({ position, scale, animation: false });
    view.labelMax = max;
  }

  function ready() {
    openingView();
    status.textContent = counts();
    view.ready = true;
    view.readyAt = performance.now();
    document.body.dataset.ready = "true";
  }

  function counts() {
    const alone = nodes.get({ filter: isolated }).length;
    const hidden = alone && !showIsolated ? `；${alone.toLocaleString()} 个孤立实体未显示` : "";
    const unsure = minConfidence > 0
      ? `；${edges.get({ filter: (e) => !sure(e) }).length.toLocaleString()} 条置信度低于 ${minConfidence.toFixed(2)}，未显示` : "";
    return `${nodes.length.toLocaleString()} 个实体，${edges.length.toLocaleString()} 条关系${hidden}${unsure}`;
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
    confidenceSlider();
    isolatedToggle();
  }

  function confidenceSlider() {
    if (!data.confident) return;
    const box = document.getElementById("confidence");
    const input = document.getElementById("min-confidence");
    const shown = box.querySelector(".count");
    box.hidden = false;
    const update = () => {
      minConfidence = Number(input.value);
      document.getElementById("min-confidence-value").textContent = minConfidence.toFixed(2);
      shownEdges.refresh();
      shown.textContent = edges.get({ filter: sure }).length.toLocaleString();
      status.textContent = counts();
    };
    input.addEventListener("input", update);
    update();
  }

  function isolatedToggle() {
    const alone = nodes.get({ filter: isolated }).length;
    if (!alone) return;
    const box = document.getElementById("more");
    const input = document.getElementById("isolated");
    box.hidden = false;
    box.querySelector(".count").textContent = alone.toLocaleString();
    input.checked = showIsolated;
    input.addEventListener("change", () => {
      showIsolated = input.checked;
      shownNodes.refresh();
      network.fit({ animation: false });
      status.textContent = counts();
    });
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
    if (isolated(node) && !showIsolated) document.getElementById("isolated").click();
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

  // Tooltip -------------------------------------------------------------------

  // Hovering shows a node's or a link's details; a click pins them, so that the
  // mouse can go into the box and select a sentence; a click elsewhere, the
  // close button or Escape lets go.
  function showTip(item, pointer, pin) {
    tip.replaceChildren(document.createTextNode(item.tip));
    if (pin) {
      const close = document.createElement("button");
      close.className = "close";
      close.textContent = "×";
      close.title = "关闭";
      close.addEventListener("click", unpin);
      tip.prepend(close);
    }
    if (item.page) {
      const link = document.createElement("a");
      link.href = item.page;
      link.textContent = `打开${item.label}的页面 →`;
      tip.appendChild(link);
    }
    tip.classList.toggle("pinned", pin);
    tip.hidden = false;
    place(pointer);
    view.pinned = pin ? item.id : null;
  }

  function place(pointer) {
    const graph = document.getElementById("graph");
    const room = tip.parentElement.getBoundingClientRect();
    let x = graph.offsetLeft + pointer.x + 14;
    let y = graph.offsetTop + pointer.y + 14;
    if (x + tip.offsetWidth > room.width) x = Math.max(0, x - tip.offsetWidth - 28);
    if (y + tip.offsetHeight > room.height) y = Math.max(0, room.height - tip.offsetHeight);
    tip.style.left = `${x}px`;
    tip.style.top = `${y}px`;
  }

  function unpin() {
    view.pinned = null;
    tip.hidden = true;
  }

  function tooltips() {
    const hover = (item, pointer) => { if (!view.pinned) showTip(item, pointer, false); };
    const away = () => { if (!view.pinned) tip.hidden = true; };
    network.on("hoverNode", (p) => hover(nodes.get(p.node), p.pointer.DOM));
    network.on("hoverEdge", (p) => hover(edges.get(p.edge), p.pointer.DOM));
    network.on("blurNode", away);
    network.on("blurEdge", away);
    network.on("dragStart", () => { if (!view.pinned) tip.hidden = true; });
    network.on("click", (p) => {
      if (p.nodes.length) showTip(nodes.get(p.nodes[0]), p.pointer.DOM, true);
      else if (p.edges.length) showTip(edges.get(p.edges[0]), p.pointer.DOM, true);
      else unpin();
    });
    network.on("doubleClick", (p) => {
      const node = p.nodes.length && nodes.get(p.nodes[0]);
      if (node && node.page) window.location.href = node.page;
    });
    document.addEventListener("keydown", (e) => { if (e.key === "Escape") unpin(); });
  }

  filters();
  search();
  tooltips();
  settle();
})();
