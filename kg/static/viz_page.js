/* kg viewer: draws the graph in the page's JSON block with vis-network.
 *
 * Every string from the data is shown with textContent / text nodes; nothing from
 * the data is ever parsed as HTML. Links from the data are set as properties only
 * after checking their scheme (http/https) or their shape (our own relative pages).
 * window.kgReady turns true once the layout is stable and physics is off.
 */
(function () {
  "use strict";

  const DATA = JSON.parse(document.getElementById("kg-data").textContent);
  const $ = (id) => document.getElementById(id);
  const SVG = "http://www.w3.org/2000/svg";
  const fmt = new Intl.NumberFormat("en-US");

  window.kgReady = false;

  // -- DOM helpers ------------------------------------------------------------------------

  /** An element with text children; props are set as properties (never as markup). */
  function el(tag, props, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props || {})) {
      if (key === "text") node.textContent = value;
      else if (key === "class") node.className = value;
      else node[key] = value;
    }
    for (const child of children) {
      if (child !== null && child !== undefined && child !== false) node.append(child);
    }
    return node;
  }

  /** http(s) URLs only; anything else (javascript:, data:, ...) gives null. */
  function externalHref(value) {
    if (typeof value !== "string") return null;
    try {
      const url = new URL(value);
      return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
    } catch (e) {
      return null;
    }
  }

  /** Our own relative page links (written by kg), checked by shape. */
  function pageHref(value) {
    return typeof value === "string" && /^(\.\.\/)?[A-Za-z0-9_.%\/-]+\.html$/.test(value) ? value : null;
  }

  function link(text, href, external) {
    const safe = external ? externalHref(href) : pageHref(href);
    if (!safe) return document.createTextNode(text);
    const a = el("a", {text: text, href: safe});
    if (external) {
      a.target = "_blank";
      a.rel = "noopener noreferrer";
    }
    return a;
  }

  function shapeIcon(shape, color, size) {
    const svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("width", size);
    svg.setAttribute("height", size);
    svg.setAttribute("viewBox", "0 0 20 20");
    svg.setAttribute("aria-hidden", "true");
    const points = {
      triangle: "10,2 18.5,17 1.5,17",
      triangleDown: "1.5,3 18.5,3 10,18",
      diamond: "10,1.5 18.5,10 10,18.5 1.5,10",
      hexagon: "5,2.2 15,2.2 19.5,10 15,17.8 5,17.8 0.5,10",
      star: "10,1 12.6,7.2 19.4,7.6 14.2,12 15.9,18.6 10,15 4.1,18.6 5.8,12 0.6,7.6 7.4,7.2",
    }[shape];
    let mark;
    if (points) {
      mark = document.createElementNS(SVG, "polygon");
      mark.setAttribute("points", points);
    } else if (shape === "square") {
      mark = document.createElementNS(SVG, "rect");
      for (const [k, v] of [["x", 2.5], ["y", 2.5], ["width", 15], ["height", 15]]) mark.setAttribute(k, v);
    } else {
      mark = document.createElementNS(SVG, "circle");
      for (const [k, v] of [["cx", 10], ["cy", 10], ["r", 8]]) mark.setAttribute(k, v);
    }
    mark.setAttribute("fill", color);
    mark.setAttribute("stroke", "#333");
    mark.setAttribute("stroke-width", "1");
    svg.append(mark);
    return svg;
  }

  function lineIcon(color, dashes, width) {
    const svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("width", "28");
    svg.setAttribute("height", "12");
    svg.setAttribute("aria-hidden", "true");
    const line = document.createElementNS(SVG, "line");
    for (const [k, v] of [["x1", 1], ["y1", 6], ["x2", 27], ["y2", 6]]) line.setAttribute(k, v);
    line.setAttribute("stroke", color);
    line.setAttribute("stroke-width", String(width));
    if (Array.isArray(dashes)) line.setAttribute("stroke-dasharray", dashes.join(" "));
    svg.append(line);
    return svg;
  }

  // -- data -------------------------------------------------------------------------------

  const nodeById = new Map(DATA.nodes.map((n) => [n.id, n]));
  const edgeById = new Map(DATA.edges.map((e) => [e.id, e]));
  const typeStyle = new Map(DATA.types.map((t) => [t.name, t]));
  const kindStyle = new Map(DATA.kinds.map((k) => [k.name, k]));
  const edgesOf = new Map();
  for (const e of DATA.edges) {
    for (const end of [e.from, e.to]) {
      if (!edgesOf.has(end)) edgesOf.set(end, []);
      edgesOf.get(end).push(e);
    }
  }
  const rankOf = new Map(
    [...DATA.nodes].sort((a, b) => b.importance - a.importance || (a.id < b.id ? -1 : 1)).map((n, i) => [n.id, i + 1])
  );

  function nameOf(id) {
    const n = nodeById.get(id);
    return n ? n.label : id;
  }

  function transcriptTitle(id) {
    const t = DATA.transcripts[id];
    return t ? t.title : id;
  }

  // -- tooltips (DOM elements, as vis-network allows) --------------------------------------

  function nodeTip(n) {
    const tip = el("div", {},
      el("div", {class: "kg-tip-title", text: n.label}),
      el("div", {class: "kg-tip-meta", text: n.type + " · " + fmt.format(n.mentions) + " mention" + (n.mentions === 1 ? "" : "s")}));
    if (n.aliases.length) {
      const shown = n.aliases.slice(0, 6).join(", ") + (n.aliases.length > 6 ? ", …" : "");
      tip.append(el("div", {class: "kg-tip-meta", text: "also: " + shown}));
    }
    return tip;
  }

  function edgeTip(e) {
    const tip = el("div", {},
      el("div", {class: "kg-tip-title", text: nameOf(e.from) + " → " + (e.negated ? "not " : "") + e.predicate + " → " + nameOf(e.to)}),
      el("div", {class: "kg-tip-meta", text: e.kind + " · seen " + fmt.format(e.weight) + "×"}));
    if (e.evidence.length) {
      const q = e.evidence[0].quote;
      tip.append(el("div", {class: "kg-tip-quote", text: "“" + (q.length > 180 ? q.slice(0, 180) + "…" : q) + "”"}));
    }
    return tip;
  }

  // -- filters ----------------------------------------------------------------------------

  const state = {
    types: new Set(DATA.types.map((t) => t.name)),
    transcript: "",
    minMentions: 0,
    kinds: new Set(DATA.kinds.map((k) => k.name)),
    comention: !DATA.comention_hidden,
  };

  function nodeVisible(n) {
    return state.types.has(n.type) && n.mentions >= state.minMentions &&
      (!state.transcript || n.transcripts.includes(state.transcript));
  }

  const nodes = new vis.DataSet(DATA.nodes.map((n) => Object.assign({}, n, {title: nodeTip(n)})));
  const edges = new vis.DataSet(DATA.edges.map((e) => Object.assign({}, e, {title: edgeTip(e)})));
  let visibleIds = new Set(DATA.nodes.filter(nodeVisible).map((n) => n.id));
  const nodeView = new vis.DataView(nodes, {filter: (n) => visibleIds.has(n.id)});
  const edgeView = new vis.DataView(edges, {
    // co-mentions are hidden rather than filtered out, so that they keep pulling in the layout
    filter: (e) => visibleIds.has(e.from) && visibleIds.has(e.to) && (e.kind === "comention" || state.kinds.has(e.kind)) &&
      (!state.transcript || e.transcripts.includes(state.transcript)),
  });

  function applyFilters() {
    visibleIds = new Set(DATA.nodes.filter(nodeVisible).map((n) => n.id));
    nodeView.refresh();
    edgeView.refresh();
    showCounts();
  }

  function setComention(on) {
    state.comention = on;
    const updates = DATA.edges.filter((e) => e.kind === "comention").map((e) => ({id: e.id, hidden: !on}));
    edges.update(updates);
    showCounts();
  }

  function shownEdgeCount() {
    return edgeView.get({filter: (e) => !e.hidden}).length;
  }

  function showCounts() {
    if (!window.kgReady) return;
    $("kg-status").textContent = fmt.format(nodeView.length) + " entities · " + fmt.format(shownEdgeCount()) + " relations shown";
  }

  // -- header, notice, legend -------------------------------------------------------------

  function buildHeader() {
    $("kg-subtitle").textContent = DATA.page.subtitle || "";
    const select = $("kg-transcript");
    const ids = Object.keys(DATA.transcripts).sort();
    if (DATA.page.kind === "graph" && ids.length > 1) {
      for (const id of ids) {
        const t = DATA.transcripts[id];
        select.append(el("option", {value: id, text: t.title + (t.date ? " (" + t.date + ")" : "")}));
      }
      select.addEventListener("change", () => {
        state.transcript = select.value;
        applyFilters();
      });
    } else {
      $("kg-transcript-filter").hidden = true;
    }
    const min = $("kg-min-mentions");
    min.max = String(Math.max(0, ...DATA.nodes.map((n) => n.mentions)));
    min.addEventListener("input", () => {
      const value = parseInt(min.value, 10);
      state.minMentions = Number.isFinite(value) && value > 0 ? value : 0;
      applyFilters();
    });
    $("kg-fit").addEventListener("click", () => network.fit({animation: {duration: 300}}));
  }

  function buildNotice() {
    const c = DATA.counts;
    const parts = [];
    if (c.nodes_left_out > 0) {
      parts.push("Showing the " + fmt.format(c.nodes_shown) + " most central of " + fmt.format(c.nodes_total) +
        " entities (PageRank): " + fmt.format(c.nodes_left_out) + " entities and " + fmt.format(c.edges_left_out) +
        " relations left out. Re-render with kg render --max-nodes N to draw more.");
    }
    if (DATA.comention_hidden) {
      const n = kindStyle.get("comention").count;
      parts.push(fmt.format(n) + " co-mention links are hidden; tick “comention” in the legend to show them.");
    }
    if (parts.length) {
      const notice = $("kg-notice");
      notice.textContent = parts.join(" ");
      notice.hidden = false;
    }
  }

  function buildLegend() {
    const legend = $("kg-legend");
    const typeList = el("ul");
    for (const t of DATA.types) {
      const box = el("input", {type: "checkbox", checked: true});
      box.dataset.type = t.name;
      box.addEventListener("change", () => {
        if (box.checked) state.types.add(t.name); else state.types.delete(t.name);
        applyFilters();
      });
      const item = el("li", {class: t.count ? "" : "kg-zero"},
        el("label", {}, box, shapeIcon(t.shape, t.color, 15), t.name, el("span", {class: "kg-count", text: fmt.format(t.count)})));
      typeList.append(item);
    }
    const kindList = el("ul");
    for (const k of DATA.kinds) {
      const box = el("input", {type: "checkbox", checked: k.name === "comention" ? state.comention : true});
      box.dataset.kind = k.name;
      if (k.name === "comention") {
        box.id = "kg-comention";
        box.addEventListener("change", () => setComention(box.checked));
      } else {
        box.addEventListener("change", () => {
          if (box.checked) state.kinds.add(k.name); else state.kinds.delete(k.name);
          applyFilters();
        });
      }
      kindList.append(el("li", {class: k.count ? "" : "kg-zero"}, el("label", {}, box,
        lineIcon(k.color, k.dashes, k.name === "comention" ? 1.5 : 2), k.name,
        el("span", {class: "kg-count", text: fmt.format(k.count)}))));
    }
    legend.append(el("h2", {text: "Entities"}), typeList, el("h2", {text: "Relations"}), kindList);
  }

  // -- side panel -------------------------------------------------------------------------

  function openPanel(...children) {
    const body = $("kg-panel-body");
    body.replaceChildren(...children);
    $("kg-panel").hidden = false;
    $("kg-panel").scrollTop = 0;
  }

  function closePanel() {
    $("kg-panel").hidden = true;
    $("kg-panel-body").replaceChildren();
  }

  function facts(pairs) {
    const dl = el("dl");
    for (const [term, value] of pairs) {
      if (value === null || value === undefined || value === "") continue;
      dl.append(el("dt", {text: term}), el("dd", {}, value));
    }
    return dl;
  }

  function nodeButton(id) {
    const b = el("button", {type: "button", class: "kg-link", text: nameOf(id)});
    b.addEventListener("click", () => selectNode(id));
    return b;
  }

  function transcriptItem(id) {
    const t = DATA.transcripts[id] || {title: id};
    const here = DATA.page.transcript === id;
    return el("li", {}, here ? el("span", {text: t.title + " (this page)"}) : link(t.title, t.page, false),
      t.date ? " · " + t.date : null);
  }

  function showNode(id) {
    const n = nodeById.get(id);
    if (!n) return;
    const t = typeStyle.get(n.type) || {color: "#999", shape: "dot"};
    const badge = el("span", {class: "kg-badge"}, shapeIcon(t.shape, t.color, 14), n.type);
    const scope = DATA.page.kind === "transcript" ? " (in this transcript)" : "";
    const parts = [
      el("h2", {text: n.label}),
      facts([
        ["Type", badge],
        ["Also called", n.aliases.length ? n.aliases.join(", ") : null],
        ["Mentions", fmt.format(n.mentions) + scope],
        ["Centrality", "#" + fmt.format(rankOf.get(id)) + " of " + fmt.format(DATA.nodes.length)],
      ]),
    ];
    if (n.transcripts.length) {
      parts.push(el("h3", {text: "Transcripts (" + fmt.format(n.transcripts_total) + ")"}),
        el("ul", {}, ...n.transcripts.map(transcriptItem)));
      if (n.transcripts_total > n.transcripts.length) {
        parts.push(el("p", {class: "kg-more", text: fmt.format(n.transcripts_total - n.transcripts.length) + " more: see the whole graph"}));
      }
    }
    const own = (edgesOf.get(id) || []).slice().sort((a, b) => b.weight - a.weight || (a.id < b.id ? -1 : 1));
    if (own.length) {
      const list = el("ul");
      for (const e of own.slice(0, 60)) {
        const other = e.from === id ? e.to : e.from;
        const arrow = e.from === id ? "→ " : "← ";
        const b = el("button", {type: "button", class: "kg-link", text: (e.negated ? "not " : "") + e.predicate});
        b.addEventListener("click", () => selectEdge(e.id));
        list.append(el("li", {}, arrow, b, " " + (e.from === id ? "→" : "←") + " ", nodeButton(other),
          " (" + e.kind + ", " + fmt.format(e.weight) + "×)"));
      }
      parts.push(el("h3", {text: "Relations (" + fmt.format(own.length) + ")"}), list);
      if (own.length > 60) parts.push(el("p", {class: "kg-more", text: fmt.format(own.length - 60) + " more not listed"}));
    }
    openPanel(...parts);
  }

  function quoteBlock(q) {
    const cite = [];
    if (q.speaker) cite.push(q.speaker);
    if (q.time) {
      cite.push(q.link ? link("▶ " + q.time, q.link, true) : q.time);
    }
    const t = DATA.transcripts[q.transcript];
    if (DATA.page.kind === "graph" || q.transcript !== DATA.page.transcript) {
      cite.push(t ? link(t.title, t.page, false) : q.transcript);
    }
    const line = el("div", {class: "kg-cite"});
    cite.forEach((part, i) => {
      if (i) line.append(" · ");
      line.append(part);
    });
    if (q.role) line.append(" · role: " + q.role);
    return [el("blockquote", {text: q.quote}), line];
  }

  function showEdge(id) {
    const e = edgeById.get(id);
    if (!e) return;
    const heading = el("h2", {}, nodeButton(e.from), " → ", (e.negated ? "not " : "") + e.predicate, " → ", nodeButton(e.to));
    const parts = [
      heading,
      facts([
        ["Relation", e.predicate],
        ["Kind", e.kind],
        ["Negated", e.negated ? "yes" : null],
        ["Seen", fmt.format(e.weight) + "×"],
        ["Roles", e.roles.length ? e.roles.join(", ") : null],
      ]),
      el("h3", {text: "Evidence (" + fmt.format(e.evidence_total) + ")"}),
    ];
    for (const q of e.evidence) parts.push(...quoteBlock(q));
    if (e.evidence_total > e.evidence.length) {
      parts.push(el("p", {class: "kg-more", text: fmt.format(e.evidence_total - e.evidence.length) + " more not shown here (kg query gets them all)"}));
    }
    openPanel(...parts);
  }

  // -- search -----------------------------------------------------------------------------

  function norm(s) {
    return s.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase().replace(/\s+/g, " ").trim();
  }

  const searchIndex = DATA.nodes.map((n) => ({id: n.id, names: [n.label, ...n.aliases].map(norm), all: [n.label, ...n.aliases]}));

  /** Ids of entities with a name containing ``query``: exact label, exact alias, prefix, substring. */
  function search(query) {
    const q = norm(query);
    if (!q) return [];
    const hits = [];
    for (const item of searchIndex) {
      let best = 9;
      let alias = null;
      item.names.forEach((name, i) => {
        const rank = name === q ? (i ? 1 : 0) : name.startsWith(q) ? 2 : name.includes(q) ? 3 : 9;
        if (rank < best) {
          best = rank;
          alias = i ? item.all[i] : null;
        }
      });
      if (best < 9) hits.push({id: item.id, rank: best, alias: alias});
    }
    hits.sort((a, b) => a.rank - b.rank || nodeById.get(b.id).importance - nodeById.get(a.id).importance || (a.id < b.id ? -1 : 1));
    return hits;
  }

  function showResults(hits) {
    const list = $("kg-results");
    list.replaceChildren();
    if (!$("kg-search").value.trim()) {
      list.hidden = true;
      return;
    }
    if (!hits.length) {
      list.append(el("li", {class: "kg-empty", text: "No entity has that name"}));
    }
    for (const hit of hits.slice(0, 12)) {
      const n = nodeById.get(hit.id);
      const b = el("button", {type: "button", role: "option"}, n.label, el("span", {class: "kg-type", text: n.type}),
        hit.alias ? el("span", {class: "kg-alias", text: "“" + hit.alias + "”"}) : null);
      b.addEventListener("click", () => {
        selectNode(hit.id);
        list.hidden = true;
      });
      list.append(el("li", {}, b));
    }
    list.hidden = false;
  }

  function buildSearch() {
    const input = $("kg-search");
    input.addEventListener("input", () => showResults(search(input.value)));
    input.addEventListener("keydown", (event) => {
      if (event.key === "Enter") {
        const hits = search(input.value);
        if (hits.length) selectNode(hits[0].id);
        $("kg-results").hidden = true;
      } else if (event.key === "Escape") {
        $("kg-results").hidden = true;
      }
    });
    document.addEventListener("click", (event) => {
      if (!$("kg-search-box").contains(event.target)) $("kg-results").hidden = true;
    });
  }

  // -- network ----------------------------------------------------------------------------

  /** Makes sure ``id`` passes the filters: turns its type back on, relaxes the others. */
  function ensureVisible(id) {
    const n = nodeById.get(id);
    if (!n || visibleIds.has(id)) return;
    if (!state.types.has(n.type)) {
      state.types.add(n.type);
      const box = document.querySelector("#kg-legend input[data-type='" + CSS.escape(n.type) + "']");
      if (box) box.checked = true;
    }
    if (n.mentions < state.minMentions) {
      state.minMentions = 0;
      $("kg-min-mentions").value = "0";
    }
    if (state.transcript && !n.transcripts.includes(state.transcript)) {
      state.transcript = "";
      $("kg-transcript").value = "";
    }
    applyFilters();
  }

  function selectNode(id) {
    if (!nodeById.has(id)) return;
    ensureVisible(id);
    network.selectNodes([id]);
    showNode(id);
    api.focused = id;
    // centre the node in the part of the canvas the panel leaves uncovered
    const covered = $("kg-panel").hidden ? 0 : $("kg-panel").offsetWidth;
    network.focus(id, {scale: Math.max(network.getScale(), 1.1), offset: {x: -covered / 2, y: 0},
      animation: {duration: 450, easingFunction: "easeInOutQuad"}});
  }

  function selectEdge(id) {
    const e = edgeById.get(id);
    if (!e) return;
    ensureVisible(e.from);
    ensureVisible(e.to);
    if (e.kind === "comention" && !state.comention) {
      $("kg-comention").checked = true;
      setComention(true);
    } else if (e.kind !== "comention" && !state.kinds.has(e.kind)) {
      state.kinds.add(e.kind);
      document.querySelector("#kg-legend input[data-kind='" + CSS.escape(e.kind) + "']").checked = true;
      applyFilters();
    }
    network.setSelection({nodes: [], edges: [id]});
    showEdge(id);
  }

  const container = $("kg-network");
  const network = new vis.Network(container, {nodes: nodeView, edges: edgeView}, DATA.options);
  const api = {network: network, nodes: nodes, edges: edges, nodeView: nodeView, edgeView: edgeView, data: DATA,
    search: search, selectNode: selectNode, selectEdge: selectEdge, focused: null, stabilizationMs: null,
    /** Ids of the nodes drawn now, and of the edges drawn now (not hidden), sorted. */
    visibleNodes: () => nodeView.getIds().sort(),
    visibleEdges: () => edgeView.get({filter: (e) => !e.hidden}).map((e) => e.id).sort()};
  window.kg = api;
  const started = performance.now();

  function ready() {
    if (window.kgReady) return;
    requestAnimationFrame(() => {
      api.stabilizationMs = Math.round(performance.now() - started);
      window.kgReady = true;
      document.body.dataset.ready = "true";
      showCounts();
    });
  }

  if (DATA.layout === "physics" && DATA.nodes.length) {
    $("kg-status").textContent = "Laying out…";
    network.on("stabilizationProgress", (p) => {
      $("kg-status").textContent = "Laying out… " + Math.round((100 * p.iterations) / p.total) + "%";
    });
    network.once("stabilizationIterationsDone", () => {
      network.setOptions({physics: {enabled: false}});
      network.fit();
      ready();
    });
  } else {
    network.once("afterDrawing", ready);
    if (!DATA.nodes.length) ready();
  }

  network.on("click", (params) => {
    if (params.nodes.length) showNode(params.nodes[0]);
    else if (params.edges.length) showEdge(params.edges[0]);
    else closePanel();
  });
  network.on("animationFinished", () => {
    api.focusDone = api.focused;
  });
  $("kg-panel-close").addEventListener("click", () => {
    closePanel();
    network.unselectAll();
  });

  buildHeader();
  buildNotice();
  buildLegend();
  buildSearch();
})();
