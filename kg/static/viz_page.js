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

  /** Our own relative page links (written by kg), checked by shape; "#s12" is a line
   * of this page's transcript, "page.html#s12" one of another. */
  function pageHref(value) {
    return typeof value === "string" && /^((\.\.\/)?[A-Za-z0-9_.%\/-]+\.html)?(#s\d+)?$/.test(value) && value ? value : null;
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

  const topicById = new Map(DATA.topics.map((t) => [t.id, t]));
  const state = {
    types: new Set(DATA.types.map((t) => t.name)),
    transcript: "",
    minMentions: 0,
    kinds: new Set(DATA.kinds.map((k) => k.name)),
    comention: !DATA.comention_hidden,
    loners: false, // entities joined to nothing start hidden
    topic: "", // a topic's id: only its members are drawn
    colourBy: "type",
  };
  const topicMembers = new Map(DATA.topics.map((t) => [t.id, new Set(t.members)]));

  function nodeVisible(n) {
    if (state.topic) return topicMembers.get(state.topic).has(n.id) && state.types.has(n.type);
    return state.types.has(n.type) && n.mentions >= state.minMentions &&
      (state.loners || n.degree > 0) &&
      (!state.transcript || n.transcripts.includes(state.transcript));
  }

  /** Edges carry their label text in ``text``; vis draws ``label`` only when one is set. */
  // labels start undrawn: placeLabels() draws the ones that fit (one update, not one per node)
  const nodes = new vis.DataSet(DATA.nodes.map((n) => Object.assign({}, n, {title: nodeTip(n), label: ""})));
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
    scheduleLabels();
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
    const loners = DATA.counts.unconnected;
    if (loners) {
      $("kg-loners-text").textContent = "Unconnected (" + fmt.format(loners) + ")";
      $("kg-loners").addEventListener("change", () => {
        state.loners = $("kg-loners").checked;
        applyFilters();
      });
    } else {
      $("kg-loners-filter").hidden = true;
    }
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
    const legend = $("kg-legend-body");
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
    if (DATA.topics.length) {
      const byType = el("input", {type: "radio", name: "kg-colour", value: "type", checked: true});
      const byTopic = el("input", {type: "radio", name: "kg-colour", value: "topic", id: "kg-colour-topic"});
      for (const radio of [byType, byTopic]) radio.addEventListener("change", () => colourBy(radio.value));
      const list = el("ul", {id: "kg-topics"});
      for (const t of DATA.topics.slice(0, 12)) {
        const b = el("button", {type: "button", class: "kg-topic", title: t.label},
          el("span", {class: "kg-swatch", style: "background:" + (/^#[0-9a-f]{6}$/i.test(t.color) ? t.color : "#999")}),
          el("span", {class: "kg-topic-name", text: t.label}), el("span", {class: "kg-count", text: fmt.format(t.members.length)}));
        b.dataset.topic = t.id;
        b.setAttribute("aria-pressed", "false");
        b.addEventListener("click", () => focusTopic(state.topic === t.id ? "" : t.id));
        list.append(el("li", {}, b));
      }
      legend.append(el("h2", {text: "Topics"}),
        el("div", {class: "kg-colour-by"}, "Colour:", el("label", {}, byType, "type"), el("label", {}, byTopic, "topic")),
        list);
    }
    // on a phone-sized window the legend starts folded, so that it covers nothing
    // (and on a transcript page, where the graph has less room, until opened)
    const pane = $("kg-graph-pane").getBoundingClientRect();
    if (pane.width < 900 || pane.height < 560) $("kg-legend").open = false;
  }

  function colourBy(mode) {
    state.colourBy = mode;
    const topicColour = new Map();
    for (const t of DATA.topics) for (const id of t.members) topicColour.set(id, t.color);
    const updates = DATA.nodes.map((n) => {
      const c = mode === "topic" ? (topicColour.get(n.id) || "#c4c4c4") : (typeStyle.get(n.type) || {color: "#9d9d9d"}).color;
      return {id: n.id, color: {background: c, border: darker(c), highlight: {background: c, border: "#111"}, hover: {background: c, border: "#111"}}};
    });
    nodes.update(updates);
  }

  function darker(hex) {
    if (!/^#[0-9a-f]{6}$/i.test(hex)) return "#555";
    return "#" + [1, 3, 5].map((i) => Math.floor(parseInt(hex.slice(i, i + 2), 16) * 0.7).toString(16).padStart(2, "0")).join("");
  }

  /** Draws only the members of topic ``id`` ("" for every entity) and fits them in view. */
  function focusTopic(id) {
    state.topic = topicById.has(id) ? id : "";
    for (const b of document.querySelectorAll("#kg-topics button")) b.setAttribute("aria-pressed", String(b.dataset.topic === state.topic));
    applyFilters();
    network.fit({nodes: nodeView.getIds(), animation: false});
    scheduleLabels();
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
    markMentions(null);
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

  /** Every moment an entity is mentioned, per transcript, each a link to that line. */
  function momentList(n) {
    const groups = new Map();
    for (const [tid, seg, seconds] of n.moments) {
      if (!groups.has(tid)) groups.set(tid, []);
      groups.get(tid).push([seg, seconds]);
    }
    const list = el("ul", {class: "kg-moments"});
    for (const [tid, rows] of groups) {
      const t = DATA.transcripts[tid] || {title: tid, page: null};
      const here = DATA.page.transcript === tid;
      const item = el("li", {}, el("div", {text: here ? t.title + " (this page)" : t.title}));
      for (const [seg, seconds] of rows) {
        const label = seconds === null ? "¶" + (seg + 1) : clock(seconds);
        const href = here ? "#s" + seg : (t.page ? t.page + "#s" + seg : null);
        const a = link(label, href, false);
        if (here && a.tagName === "A") a.addEventListener("click", (event) => { event.preventDefault(); showLine(seg); });
        item.append(a, " ");
      }
      list.append(item);
    }
    return list;
  }

  function clock(seconds) {
    const s = Math.max(0, Math.floor(seconds));
    return [Math.floor(s / 3600), Math.floor((s % 3600) / 60), s % 60].map((x) => String(x).padStart(2, "0")).join(":");
  }

  function showNode(id) {
    const n = nodeById.get(id);
    if (!n) return;
    const t = typeStyle.get(n.type) || {color: "#999", shape: "dot"};
    const badge = el("span", {class: "kg-badge"}, shapeIcon(t.shape, t.color, 14), n.type);
    const scope = DATA.page.kind === "transcript" ? " (in this transcript)" : "";
    const topic = n.topic ? topicById.get(n.topic) : null;
    const parts = [
      el("h2", {text: n.label}),
      facts([
        ["Type", badge],
        ["Also called", n.aliases.length ? n.aliases.join(", ") : null],
        ["Mentions", fmt.format(n.mentions) + scope],
        ["Centrality", "#" + fmt.format(rankOf.get(id)) + " of " + fmt.format(DATA.nodes.length)],
        ["Topic", topic ? topic.label : null],
      ]),
    ];
    if (n.moments.length) {
      parts.push(el("h3", {text: "Mentioned (" + fmt.format(n.moments_total) + " lines)"}), momentList(n));
      if (n.moments_total > n.moments.length) {
        parts.push(el("p", {class: "kg-more", text: fmt.format(n.moments_total - n.moments.length) + " more: see the whole graph"}));
      }
    } else if (n.transcripts.length) {
      parts.push(el("h3", {text: "Transcripts (" + fmt.format(n.transcripts_total) + ")"}),
        el("ul", {}, ...n.transcripts.map(transcriptItem)));
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
    parts.push(...whyParts(n), ...curateParts(n));
    openPanel(...parts);
    markMentions(id);
  }

  // -- why it is what it is, and the commands that would correct it (kg/curation.py) ----

  /** Why the entity has its type and each of its names (the rule that attached it). */
  function whyParts(n) {
    if (!n.origins || !n.origins.length) return [];
    const list = el("ul", {class: "kg-why"});
    for (const [name, rule, detail] of n.origins) {
      list.append(el("li", {}, el("strong", {text: name}), " ", el("span", {class: "kg-rule", text: rule}),
        detail ? " " + detail : ""));
    }
    return [el("h3", {text: "Why"}), facts([["Type", n.type_reason || null]]), list];
  }

  /** A name as one word of a shell command: in double quotes, or single quotes when it
   * holds a character the shell reads inside double quotes. */
  function shellWord(s) {
    if (!/["$`\\!]/.test(s)) return '"' + s + '"';
    return "'" + s.replace(/'/g, "'\\''") + "'";
  }

  function commandList(commands) {
    const list = el("ul", {class: "kg-commands"});
    for (const c of commands) list.append(el("li", {}, el("code", {text: c})));
    return list;
  }

  /** The `kg curate` commands that would correct this entity, for copying. */
  function curateParts(n) {
    const me = shellWord(n.label);
    const others = DATA.types.map((t) => t.name).filter((t) => t !== n.type);
    const commands = [
      "kg curate rename " + me + " \"NEW NAME\"",
      "kg curate type " + me + " TYPE",
      "kg curate merge " + me + " \"OTHER ENTITY\"",
      "kg curate alias " + me + " \"ANOTHER NAME\"",
      "kg curate drop " + me,
    ];
    for (const a of n.aliases.slice(0, 12)) commands.push("kg curate split " + me + " --alias " + shellWord(a));
    return [el("h3", {text: "Correct it"}),
      el("p", {class: "kg-more", text: "Each command adds an entry to kg-curation.toml beside the transcripts; the next build applies it. TYPE: " + others.join(", ") + "."}),
      commandList(commands)];
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
    const s = shellWord(nameOf(e.from)), o = shellWord(nameOf(e.to));
    parts.push(el("h3", {text: "Correct it"}), commandList([
      "kg curate drop-relation " + s + " " + e.predicate + " " + o,
      "kg curate relate " + s + " " + e.predicate + " " + o + " --note \"WHY\"",
    ]));
    openPanel(...parts);
    markMentions(null);
  }

  // -- search -----------------------------------------------------------------------------

  function norm(s) {
    return s.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase().replace(/\s+/g, " ").trim();
  }

  const NUMBER_WORDS = {zero: "0", one: "1", two: "2", three: "3", four: "4", five: "5", six: "6", seven: "7", eight: "8", nine: "9", ten: "10"};

  /** The lexicon's matching key (kg.lexicon.name_key): lowercase letters and digits
   * only, number words after the first word read as digits: "GPT four", "gpt-4" and
   * "GPT 4" are all "gpt4"; "open AI" and "Open-AI" are "openai"; "C++" is "cplusplus". */
  function nameKey(s) {
    return String(s).split(/\s+/).filter((w) => w).map((word, i) => {
      let lower = word.toLowerCase();
      if (i > 0 && Object.prototype.hasOwnProperty.call(NUMBER_WORDS, lower)) lower = NUMBER_WORDS[lower];
      return lower.replace(/\+/g, "plus").replace(/[^0-9a-z]+/g, "");
    }).join("");
  }

  const searchIndex = DATA.nodes.map((n) => {
    const all = [n.label, ...n.aliases, ...n.names];
    return {id: n.id, all: all, names: all.map(norm), keys: all.map(nameKey)};
  });

  /** Ids of entities with a name matching ``query`` the way the lexicon matches names
   * (ignoring case, spacing, hyphens and punctuation, number words as digits), best
   * first: the name itself, an alias, a name starting with it, a name containing it. */
  function search(query) {
    const q = norm(query);
    const k = nameKey(query);
    const k2 = nameKey(String(query).replace(/[-\u2010-\u2015_/.]+/g, " ")); // "GPT-four" as "GPT four"
    if (!q) return [];
    const hits = [];
    for (const item of searchIndex) {
      let best = 9;
      let alias = null;
      item.names.forEach((name, i) => {
        const key = item.keys[i];
        let rank = 9;
        if (name === q || (k && key === k) || (k2 && key === k2)) rank = i ? 1 : 0;
        else if (name.startsWith(q) || (k && key.startsWith(k)) || (k2 && key.startsWith(k2))) rank = 2;
        else if (name.includes(q) || (k.length > 1 && key.includes(k)) || (k2.length > 1 && key.includes(k2))) rank = 3;
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

  // -- the transcript reader ----------------------------------------------------------------

  const R = DATA.reader || null;

  /** Text of ``[a, b)`` into ``parent``, with the mentions inside it as highlighted,
   * clickable spans; ``at`` is the index of the first mention not yet placed. */
  function fillText(parent, a, b, at) {
    const M = R.mentions;
    let pos = a;
    while (at < M.length && M[at][0] < b) {
      const [start, end, key] = M[at];
      if (start >= pos && end > b) break; // runs past this piece: placed by the caller's next piece
      if (start >= pos) {
        if (start > pos) parent.append(R.text.slice(pos, start));
        const mark = el("mark", {class: "kg-m", tabIndex: 0, text: R.text.slice(start, end), title: nameOf(key)});
        mark.dataset.e = key;
        mark.dataset.start = start;
        mark.dataset.end = end;
        parent.append(mark);
        pos = end;
      }
      at++; // (a mention across two lines of the transcript is not highlighted)
    }
    if (b > pos) parent.append(R.text.slice(pos, b));
    return at;
  }

  function buildReader() {
    if (!R) return;
    const started = performance.now();
    const reader = $("kg-reader");
    const head = el("p", {class: "kg-reader-head"});
    if (R.recording) head.append(link("▶ Recording", R.recording, true), " · ");
    head.append("Names are highlighted (click one for its panel); evidence is underlined, with the relations it supports.");
    const frag = document.createDocumentFragment();
    frag.append(head);
    const E = R.evidence;
    let mi = 0;
    let ei = 0;
    let turn = null;
    let who;
    R.segments.forEach(([cs, ce, time, speaker, href], i) => {
      if (!turn || speaker !== who) {
        turn = el("section", {class: "kg-turn"}, speaker ? el("div", {class: "kg-who", text: speaker}) : null);
        frag.append(turn);
        who = speaker;
      }
      const p = el("p", {class: "kg-seg", id: "s" + i});
      if (time) p.append(href ? link("▶ " + time, href, true) : el("span", {text: time}));
      if (p.firstChild) p.firstChild.classList.add("kg-time");
      let pos = cs;
      while (pos < ce) {
        while (ei < E.length && E[ei][1] <= pos) ei++;
        const ev = E[ei];
        if (ev && ev[0] <= pos) {
          const end = Math.min(ev[1], ce);
          const span = el("span", {class: "kg-ev"});
          span.dataset.edges = ev[2].join(" ");
          mi = fillText(span, pos, end, mi);
          p.append(span);
          if (ev[1] <= ce) {
            for (const id of ev[2]) {
              const e = edgeById.get(id);
              if (!e) continue;
              const chip = el("button", {type: "button", class: "kg-rel", text: (e.negated ? "not " : "") + e.predicate,
                title: nameOf(e.from) + " → " + e.predicate + " → " + nameOf(e.to)});
              chip.dataset.edge = id;
              p.append(chip);
            }
          }
          pos = end;
        } else {
          const end = Math.min(ce, ev ? ev[0] : ce);
          mi = fillText(p, pos, end, mi);
          pos = end;
        }
      }
      turn.append(p);
    });
    reader.append(frag);
    reader.hidden = false;
    reader.addEventListener("click", (event) => {
      const mark = event.target.closest(".kg-m");
      if (mark) return selectNode(mark.dataset.e);
      const chip = event.target.closest(".kg-rel");
      if (chip) selectEdge(chip.dataset.edge);
    });
    reader.addEventListener("keydown", (event) => {
      const mark = event.target.closest && event.target.closest(".kg-m");
      if (mark && (event.key === "Enter" || event.key === " ")) {
        event.preventDefault();
        selectNode(mark.dataset.e);
      }
    });
    window.addEventListener("hashchange", showHashLine);
    showHashLine();
    api.readerMs = Math.round(performance.now() - started);
  }

  function showHashLine() {
    const m = /^#s(\d+)$/.exec(location.hash);
    if (m) showLine(parseInt(m[1], 10));
  }

  /** Scrolls the reader to line ``seg`` and flashes it. */
  function showLine(seg) {
    const p = document.getElementById("s" + seg);
    if (!p) return;
    p.scrollIntoView({block: "center"});
    p.classList.add("kg-flash");
    setTimeout(() => p.classList.remove("kg-flash"), 1600);
  }

  let marked = [];
  /** Highlights the reader's mentions of ``id`` (none for null). */
  function markMentions(id) {
    if (!R) return;
    for (const m of marked) m.classList.remove("kg-sel");
    marked = id ? [...document.querySelectorAll("#kg-reader .kg-m[data-e='" + CSS.escape(id) + "']")] : [];
    for (const m of marked) m.classList.add("kg-sel");
  }

  // -- labels that do not overlap -----------------------------------------------------------

  const measure = document.createElement("canvas").getContext("2d");
  const widthAt100 = new Map();
  const LABEL_FACE = "system-ui, sans-serif";

  /** Width of ``text`` in CSS pixels at font size ``px``. */
  function textWidth(text, px) {
    let w = widthAt100.get(text);
    if (w === undefined) {
      measure.font = "100px " + LABEL_FACE;
      w = measure.measureText(text).width;
      widthAt100.set(text, w);
    }
    return (w * px) / 100;
  }

  let labelTimer = null;
  function scheduleLabels() {
    if (!window.kgReady) return;
    clearTimeout(labelTimer);
    labelTimer = setTimeout(placeLabels, 90);
  }

  /** Node labels at a readable size on screen (12–16 px, larger for central entities),
   * drawn only where they do not overlap a more central entity's label: greedy in
   * order of centrality, boxes checked in a grid of screen cells. Zooming in makes
   * room, so more labels appear. */
  function placeLabels() {
    const scale = network.getScale();
    const ids = nodeView.getIds().sort((a, b) => rankOf.get(a) - rankOf.get(b));
    const grid = new Map();
    const CELL = 120;
    const cells = (b) => {
      const out = [];
      for (let x = Math.floor(b.x1 / CELL); x <= Math.floor(b.x2 / CELL); x++) {
        for (let y = Math.floor(b.y1 / CELL); y <= Math.floor(b.y2 / CELL); y++) out.push(x + "," + y);
      }
      return out;
    };
    const updates = [];
    const shown = [];
    const view = container.getBoundingClientRect();
    for (const id of ids) {
      const body = network.body.nodes[id];
      const n = nodeById.get(id);
      if (!body || !n) continue;
      const px = Math.round(12 + 4 * (n.value || 0));
      const at = network.canvasToDOM({x: body.x, y: body.y});
      const radius = (body.options.size || 10) * scale;
      const w = textWidth(n.label, px) + 6;
      const box = {x1: at.x - w / 2, x2: at.x + w / 2, y1: at.y + radius + 3 * scale - 1, y2: at.y + radius + 3 * scale + px * 1.3 + 2};
      let free = box.x1 >= 0 && box.x2 <= view.width && box.y1 >= 0 && box.y2 <= view.height; // whole labels only
      if (free) {
        outer: for (const c of cells(box)) {
          for (const o of grid.get(c) || []) {
            if (box.x1 < o.x2 && o.x1 < box.x2 && box.y1 < o.y2 && o.y1 < box.y2) {
              free = false;
              break outer;
            }
          }
        }
      }
      if (free) {
        for (const c of cells(box)) {
          if (!grid.has(c)) grid.set(c, []);
          grid.get(c).push(box);
        }
        shown.push(id);
      }
      const size = Math.round((px / scale) * 100) / 100;
      const current = nodes.get(id);
      const want = free ? n.label : "";
      if (current.label !== want || (free && (!current.font || current.font.size !== size))) {
        updates.push({id: id, label: want, font: {size: size}});
      }
    }
    if (updates.length) nodes.update(updates);
    api.labelled = shown.sort();
    placeEdgeLabels(scale);
  }

  /** Edge labels: on hover and selection always; for every typed and open relation
   * once zoomed in close (scale 1.5 and more). */
  let edgeLabelsOn = false;
  const EDGE_LABEL_SCALE = 1.5;
  function placeEdgeLabels(scale) {
    const on = scale >= EDGE_LABEL_SCALE;
    const size = Math.round((11 / scale) * 100) / 100;
    if (on === edgeLabelsOn && !on) return;
    edgeLabelsOn = on;
    edges.update(DATA.edges.filter((e) => e.text).map((e) => ({id: e.id, label: on ? e.text : undefined, font: {size: size}})));
  }

  function edgeLabel(id, on) {
    const e = edgeById.get(id);
    if (!e || !e.text || edgeLabelsOn) return;
    edges.update({id: id, label: on ? e.text : undefined, font: {size: Math.round((11 / network.getScale()) * 100) / 100}});
  }

  // -- network ----------------------------------------------------------------------------

  /** Makes sure ``id`` passes the filters: turns its type back on, relaxes the others. */
  function ensureVisible(id) {
    const n = nodeById.get(id);
    if (!n || visibleIds.has(id)) return;
    if (state.topic && !topicMembers.get(state.topic).has(id)) focusTopic("");
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
    if (!n.degree && !state.loners) {
      state.loners = true;
      $("kg-loners").checked = true;
    }
    applyFilters();
  }

  let selectedEdge = null;
  function selectNode(id) {
    if (!nodeById.has(id)) return;
    ensureVisible(id);
    network.selectNodes([id]);
    showNode(id);
    api.focused = id;
    // centre the node in the part of the canvas the panel leaves uncovered
    const covered = $("kg-panel").hidden ? 0 : $("kg-panel").offsetWidth;
    const free = container.clientWidth - covered;
    network.focus(id, {scale: Math.max(network.getScale(), 1.1), offset: {x: free > 160 ? -covered / 2 : 0, y: 0},
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
    if (selectedEdge && selectedEdge !== id) edgeLabel(selectedEdge, false);
    selectedEdge = id;
    edgeLabel(id, true);
    showEdge(id);
  }

  const container = $("kg-network");
  const network = new vis.Network(container, {nodes: nodeView, edges: edgeView}, DATA.options);
  const api = {network: network, nodes: nodes, edges: edges, nodeView: nodeView, edgeView: edgeView, data: DATA,
    search: search, nameKey: nameKey, selectNode: selectNode, selectEdge: selectEdge, focusTopic: focusTopic,
    colourBy: colourBy, placeLabels: placeLabels, focused: null, stabilizationMs: null, readerMs: null, labelled: [],
    /** Ids of the nodes drawn now, and of the edges drawn now (not hidden), sorted. */
    visibleNodes: () => nodeView.getIds().sort(),
    visibleEdges: () => edgeView.get({filter: (e) => !e.hidden}).map((e) => e.id).sort()};
  window.kg = api;
  const started = performance.now();

  function ready() {
    if (window.kgReady) return;
    network.fit();
    // a margin, so that the labels of the outermost entities fit in the window too
    network.moveTo({scale: network.getScale() * 0.9});
    window.kgReady = true;
    placeLabels();
    requestAnimationFrame(() => {
      api.stabilizationMs = Math.round(performance.now() - started);
      document.body.dataset.ready = "true";
      showCounts();
    });
  }

  if (DATA.layout === "physics" && nodeView.length) {
    $("kg-status").textContent = "Laying out…";
    network.on("stabilizationProgress", (p) => {
      $("kg-status").textContent = "Laying out… " + Math.round((100 * p.iterations) / p.total) + "%";
    });
    network.once("stabilizationIterationsDone", () => {
      network.setOptions({physics: {enabled: false}});
      ready();
    });
  } else {
    network.once("afterDrawing", ready);
    if (!nodeView.length) ready();
  }

  network.on("click", (params) => {
    if (params.nodes.length) showNode(params.nodes[0]);
    else if (params.edges.length) selectEdge(params.edges[0]);
    else {
      closePanel();
      if (selectedEdge) edgeLabel(selectedEdge, false);
      selectedEdge = null;
    }
  });
  network.on("hoverEdge", (params) => edgeLabel(params.edge, true));
  network.on("blurEdge", (params) => { if (params.edge !== selectedEdge) edgeLabel(params.edge, false); });
  network.on("zoom", scheduleLabels);
  network.on("dragEnd", scheduleLabels);
  network.on("animationFinished", () => {
    api.focusDone = api.focused;
    scheduleLabels();
  });
  window.addEventListener("resize", scheduleLabels);
  $("kg-panel-close").addEventListener("click", () => {
    closePanel();
    network.unselectAll();
  });

  buildHeader();
  buildNotice();
  buildReader(); // first: the legend folds itself when the reader leaves the graph little room
  buildLegend();
  buildSearch();
})();
