/* kg graph page. Everything that comes from articles (names, sentences,
 * titles, URLs) reaches the document only as text: textContent, text nodes,
 * vis-network string tooltips (rendered as text). Links are made only for
 * http(s) URLs and Wikidata ids. No request leaves the page (and its CSP
 * would refuse one). */
(function () {
  "use strict";

  var D = JSON.parse(document.getElementById("kg-data").textContent);
  var I18N = {
    en: {
      entities: "entities", relations: "relations", search: "Find an entity",
      types: "Entity types", predicates: "Relations", dates: "Article dates",
      undated: "include undated", physics: "live layout (physics)", fit: "Fit view", reset: "Reset filters",
      notFound: "No entity matches", hidden: "It is hidden by the filters.", type: "Type",
      labels: "Labels", aliases: "Aliases", wikidata: "Wikidata", sources: "Sources",
      span: "First / last", degree: "Connections", evidence: "Evidence", confidence: "confidence",
      rule: "rule", noEvidence: "No evidence sentence is stored for this relation.",
      hint: "Click an entity or a relation (or hover a relation) to see its details and the sentences it comes from.",
      untitled: "untitled article", article: "article", articles: "articles", of: "of", relationsOf: "Relations",
      more: "more", best: "best confidence", focus: "Focus"
    },
    az: {
      entities: "varlıq", relations: "əlaqə", search: "Varlıq axtar",
      types: "Varlıq növləri", predicates: "Əlaqələr", dates: "Məqalə tarixləri",
      undated: "tarixsizlər də", physics: "canlı yerləşmə (fizika)", fit: "Hamısını göstər", reset: "Filtrləri sıfırla",
      notFound: "Uyğun varlıq yoxdur", hidden: "Filtrlər onu gizlədir.", type: "Növ",
      labels: "Adlar", aliases: "Digər adlar", wikidata: "Wikidata", sources: "Mənbələr",
      span: "İlk / son", degree: "Əlaqələri", evidence: "Sübut", confidence: "etibarlılıq",
      rule: "qayda", noEvidence: "Bu əlaqə üçün sübut cümləsi saxlanmayıb.",
      hint: "Təfərrüatları və mənbə cümlələrini görmək üçün varlığa və ya əlaqəyə klikləyin (və ya əlaqənin üzərinə gəlin).",
      untitled: "başlıqsız məqalə", article: "məqalə", articles: "məqalə", of: "/", relationsOf: "Əlaqələri",
      more: "daha", best: "ən yüksək etibarlılıq", focus: "Fokus"
    }
  };
  var T = I18N[D.meta.lang] || I18N.en;
  var types = D.types, preds = D.predicates, N = D.nodes, E = D.edges;

  // --- small DOM helpers (text only) ------------------------------------------------
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (k) {
        if (k === "text") node.textContent = attrs[k];
        else if (k === "className") node.className = attrs[k];
        else node.setAttribute(k, attrs[k]);
      });
    }
    (children || []).forEach(function (c) {
      if (c !== null && c !== undefined) node.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
    });
    return node;
  }
  function byId(id) { return document.getElementById(id); }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }
  function safeUrl(url) {
    if (!url) return null;
    try {
      var u = new URL(String(url));
      return (u.protocol === "http:" || u.protocol === "https:") ? u.href : null;
    } catch (e) { return null; }
  }
  function link(url, text) {
    var href = safeUrl(url);
    if (!href) return el("span", {text: text});
    return el("a", {href: href, target: "_blank", rel: "noopener noreferrer nofollow", text: text});
  }
  var SVG = "http://www.w3.org/2000/svg";
  function svg(tag, attrs) {
    var node = document.createElementNS(SVG, tag);
    Object.keys(attrs).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    return node;
  }
  function glyph(shape, color) {
    var s = svg("svg", {width: 16, height: 16, viewBox: "0 0 16 16", "aria-hidden": "true"});
    var a = {fill: color, stroke: "#333", "stroke-width": 0.8};
    var shapeEl;
    if (shape === "square") shapeEl = svg("rect", Object.assign({x: 2.5, y: 2.5, width: 11, height: 11}, a));
    else if (shape === "diamond") shapeEl = svg("polygon", Object.assign({points: "8,1 15,8 8,15 1,8"}, a));
    else if (shape === "triangle") shapeEl = svg("polygon", Object.assign({points: "8,1.5 15,14 1,14"}, a));
    else if (shape === "star") shapeEl = svg("polygon", Object.assign({points: "8,1 9.8,6 15,6 10.8,9.2 12.4,14.5 8,11.3 3.6,14.5 5.2,9.2 1,6 6.2,6"}, a));
    else shapeEl = svg("circle", Object.assign({cx: 8, cy: 8, r: 6}, a));
    s.appendChild(shapeEl);
    return s;
  }
  function edgeGlyph(color, directed) {
    var s = svg("svg", {width: 22, height: 12, viewBox: "0 0 22 12", "aria-hidden": "true"});
    s.appendChild(svg("line", {x1: 1, y1: 6, x2: directed ? 15 : 21, y2: 6, stroke: color, "stroke-width": 2}));
    if (directed) s.appendChild(svg("polygon", {points: "14,1.5 21,6 14,10.5", fill: color}));
    return s;
  }
  function darker(hex) {
    var n = parseInt(hex.slice(1), 16), r = (n >> 16) & 255, g = (n >> 8) & 255, b = n & 255;
    function f(c) { return Math.max(0, Math.round(c * 0.7)); }
    return "rgb(" + f(r) + "," + f(g) + "," + f(b) + ")";
  }
  function short(label) {  // long names shortened on the canvas; whole in tooltips and details
    var s = String(label);
    return s.length > 36 ? s.slice(0, 34).replace(/\s+\S*$/, "") + "…" : s;
  }
  function fmtConf(c) { return (c === null || c === undefined) ? "?" : Number(c).toFixed(2); }

  // --- vis data -----------------------------------------------------------------
  var nodeItems = N.map(function (n, i) {
    var ty = types[n.t];
    return {
      id: i, label: short(n.l), x: n.x, y: n.y, value: n.z, shape: ty.shape,
      color: {background: ty.color, border: darker(ty.color),
              highlight: {background: ty.color, border: "#000"}, hover: {background: ty.color, border: "#000"}},
      title: n.l + " (" + ty.label + ")"
    };
  });
  var edgeItems = E.map(function (e, i) {
    var p = preds[e.p];
    var item = {
      id: i, from: e.f, to: e.t, label: p.label,
      color: {color: p.color, highlight: p.color, hover: p.color, opacity: 0.85},
      arrows: {to: {enabled: !p.symmetric, scaleFactor: 0.6}},
      width: 1 + Math.min(4, Math.log2(1 + e.v.length)),
      title: N[e.f].l + " — " + p.label + " — " + N[e.t].l + " (" + e.v.length + " " + T.evidence.toLowerCase() + ")"
    };
    if (e.r) item.smooth = {enabled: true, type: "curvedCW", roundness: e.r};
    return item;
  });
  var nodesDS = new vis.DataSet(nodeItems);
  var edgesDS = new vis.DataSet(edgeItems);
  var adjacency = N.map(function () { return []; });
  E.forEach(function (e, i) { adjacency[e.f].push(i); if (e.t !== e.f) adjacency[e.t].push(i); });

  // --- filters --------------------------------------------------------------------
  var typeOn = types.map(function () { return true; });
  var predOn = preds.map(function () { return true; });
  var dateFrom = "", dateTo = "", undatedOn = true;
  var nodeVisible = new Uint8Array(N.length), edgeVisible = new Uint8Array(E.length);

  function dateStart(d) { return d.length === 4 ? d + "-01-01" : d.length === 7 ? d + "-01" : d; }
  function dateEnd(d) { return d.length === 4 ? d + "-12-31" : d.length === 7 ? d + "-31" : d; }
  function lastDay(d) {  // the last calendar day a date prefix covers, as YYYY-MM-DD
    if (d.length === 4) return d + "-12-31";
    if (d.length === 7) {
      var days = new Date(Date.UTC(+d.slice(0, 4), +d.slice(5, 7), 0)).getUTCDate();
      return d + "-" + String(days).padStart(2, "0");
    }
    return d;
  }
  function inDateRange(e) {
    if (!dateFrom && !dateTo) return true;
    if (!e.v.length) return undatedOn;
    for (var k = 0; k < e.v.length; k++) {
      var date = D.docs[e.v[k][1]].date;
      if (!date) { if (undatedOn) return true; continue; }
      if ((!dateFrom || dateEnd(date) >= dateFrom) && (!dateTo || dateStart(date) <= dateTo)) return true;
    }
    return false;
  }
  function computeVisibility() {
    var i;
    nodeVisible.fill(0);
    for (i = 0; i < E.length; i++) {
      var e = E[i];
      var on = predOn[e.p] && typeOn[N[e.f].t] && typeOn[N[e.t].t] && inDateRange(e);
      edgeVisible[i] = on ? 1 : 0;
      if (on) { nodeVisible[e.f] = 1; nodeVisible[e.t] = 1; }
    }
    for (i = 0; i < N.length; i++) {
      if (!adjacency[i].length && typeOn[N[i].t]) nodeVisible[i] = 1;  // shown unconnected
    }
  }
  computeVisibility();
  var nodesView = new vis.DataView(nodesDS, {filter: function (n) { return nodeVisible[n.id] === 1; }});
  var edgesView = new vis.DataView(edgesDS, {filter: function (e) { return edgeVisible[e.id] === 1; }});

  function countVisible(arr) { var c = 0; for (var i = 0; i < arr.length; i++) c += arr[i]; return c; }
  function updateStats() {
    byId("stats").textContent = countVisible(nodeVisible) + " " + T.of + " " + N.length + " " + T.entities +
      " · " + countVisible(edgeVisible) + " " + T.of + " " + E.length + " " + T.relations;
  }
  function applyFilters() {
    computeVisibility();
    nodesView.refresh();
    edgesView.refresh();
    updateStats();
  }

  // --- the network ------------------------------------------------------------------
  var big = !!D.meta.big;
  var network = new vis.Network(byId("graph"), {nodes: nodesView, edges: edgesView}, {
    autoResize: true,
    layout: {improvedLayout: false, randomSeed: 1},
    physics: {enabled: false, solver: "forceAtlas2Based", stabilization: false,
              forceAtlas2Based: {gravitationalConstant: -60, springLength: 120, avoidOverlap: 0.2}},
    interaction: {hover: true, tooltipDelay: 150, hideEdgesOnDrag: big, hideEdgesOnZoom: big,
                  multiselect: false, navigationButtons: false, keyboard: false},
    nodes: {borderWidth: 1, font: {size: 14, face: "system-ui, sans-serif", strokeWidth: 3, strokeColor: "#ffffff"},
            // size and label size grow with degree (or betweenness): the hubs stay labelled when zoomed out
            scaling: {min: 6, max: 30, label: {enabled: true, min: 11, max: 24, maxVisible: 28, drawThreshold: 7}}},
    edges: {smooth: false, selectionWidth: 2, hoverWidth: 0.5,
            font: {size: 10, face: "system-ui, sans-serif", align: "middle", color: "#333",
                   strokeWidth: 3, strokeColor: "#ffffff"}}
  });
  // Label sizes are known once drawn: fit the view to them, then say ready.
  network.once("afterDrawing", function () {
    network.once("afterDrawing", function () {
      window.kgReady = true;
      document.documentElement.setAttribute("data-ready", "1");
    });
    network.fit({animation: false});
    network.redraw();
  });

  // --- details panel -----------------------------------------------------------------
  var body = byId("details-body");
  var pinned = false;

  function showHint() {
    clear(body);
    body.appendChild(el("p", {className: "hint", text: T.hint}));
  }
  function nodeButton(i) {
    var b = el("button", {type: "button", className: "link", text: N[i].l});
    b.addEventListener("click", function () { focusNode(i); });
    return b;
  }
  function edgeButton(i, text) {
    var b = el("button", {type: "button", className: "link", text: text});
    b.addEventListener("click", function () { pinned = true; network.selectEdges([i]); showEdge(i); });
    return b;
  }
  function highlighted(text, spans) {
    // spans: [[start, end, className]] relative to the sentence; invalid or overlapping ones are dropped
    var ok = spans.filter(function (s) {
      return s[0] !== null && s[0] !== undefined && s[0] >= 0 && s[1] <= text.length && s[0] < s[1];
    }).sort(function (a, b) { return a[0] - b[0]; });
    var out = el("p", {className: "sentence"});
    var at = 0;
    ok.forEach(function (s) {
      if (s[0] < at) return;
      out.appendChild(document.createTextNode(text.slice(at, s[0])));
      out.appendChild(el("mark", {className: s[2], text: text.slice(s[0], s[1])}));
      at = s[1];
    });
    out.appendChild(document.createTextNode(text.slice(at)));
    return out;
  }
  function showEdge(i) {
    var e = E[i], p = preds[e.p];
    clear(body);
    body.setAttribute("data-edge", String(i));
    body.removeAttribute("data-node");
    var head = el("h3", null, [nodeButton(e.f), " ", el("span", {className: "kind", text: p.label + (p.symmetric ? " ↔" : " →"), style: "background:" + p.color}), " ", nodeButton(e.t)]);
    body.appendChild(head);
    body.appendChild(el("dl", null, [
      el("dt", {text: T.sources}), el("dd", {text: e.s + " " + (e.s === 1 ? T.article : T.articles)}),
      el("dt", {text: T.confidence}), el("dd", {text: fmtConf(e.c) + " (" + T.best + ")"})
    ]));
    body.appendChild(el("h2", {text: T.evidence + " (" + e.v.length + ")"}));
    if (!e.v.length) body.appendChild(el("p", {className: "hint", text: T.noEvidence}));
    e.v.forEach(function (ev) {
      var text = D.sentences[ev[0]] || "";
      var doc = D.docs[ev[1]];
      var spans = [];
      if (ev[4]) spans.push([ev[4][0], ev[4][1], "subj"]);
      if (ev[5]) spans.push([ev[5][0], ev[5][1], "obj"]);
      var cite = el("div", {className: "cite"}, [
        link(doc.url, doc.title || doc.id || T.untitled),
        doc.title ? el("span", {text: doc.id}) : null,
        doc.date ? el("span", {className: "date", text: doc.date}) : null,
        el("span", {className: "conf", text: T.confidence + " " + fmtConf(ev[2])}),
        D.rules[ev[3]] ? el("span", {className: "rule", text: T.rule + " " + D.rules[ev[3]]}) : null
      ]);
      if (doc.url && !safeUrl(doc.url)) cite.appendChild(el("span", {className: "url", text: doc.url}));
      body.appendChild(el("div", {className: "ev"}, [highlighted(text, spans), cite]));
    });
  }
  function showNode(i) {
    var n = N[i], ty = types[n.t];
    clear(body);
    body.setAttribute("data-node", String(i));
    body.removeAttribute("data-edge");
    body.appendChild(el("h3", {text: n.l}));
    body.appendChild(el("span", {className: "kind", text: ty.label, style: "background:" + ty.color}));
    var rows = [];
    var langs = Object.keys(n.L || {}).sort();
    if (langs.length) {
      rows.push(el("dt", {text: T.labels}));
      rows.push(el("dd", null, langs.map(function (lg, k) {
        return el("div", null, [el("b", {text: (lg || "–") + ": "}), n.L[lg]]);
      })));
    }
    if (n.a && n.a.length) { rows.push(el("dt", {text: T.aliases})); rows.push(el("dd", {text: n.a.join(" · ")})); }
    if (n.w && /^Q[1-9][0-9]*$/.test(n.w)) {
      rows.push(el("dt", {text: T.wikidata}));
      rows.push(el("dd", null, [link("https://www.wikidata.org/wiki/" + n.w, n.w)]));
    }
    rows.push(el("dt", {text: T.sources})); rows.push(el("dd", {text: n.s + " " + (n.s === 1 ? T.article : T.articles)}));
    if (n.f) { rows.push(el("dt", {text: T.span})); rows.push(el("dd", {text: n.f === n.e ? n.f : n.f + " – " + n.e})); }
    rows.push(el("dt", {text: T.degree})); rows.push(el("dd", {text: String(adjacency[i].length)}));
    rows.push(el("dt", {text: "IRI"})); rows.push(el("dd", {className: "iri", text: n.i}));
    body.appendChild(el("dl", null, rows));
    if (adjacency[i].length) {
      body.appendChild(el("h2", {text: T.relationsOf}));
      var list = el("ul", {className: "rels"});
      adjacency[i].slice(0, 200).forEach(function (k) {
        var e = E[k], p = preds[e.p], other = e.f === i ? e.t : e.f;
        var arrow = p.symmetric ? " — " : (e.f === i ? " → " : " ← ");
        list.appendChild(el("li", null, [edgeButton(k, p.label), arrow, nodeButton(other),
          el("span", {className: "count", text: " (" + e.v.length + ")"})]));
      });
      if (adjacency[i].length > 200) list.appendChild(el("li", {text: "… " + (adjacency[i].length - 200) + " " + T.more}));
      body.appendChild(list);
    }
  }
  function focusNode(i) {
    pinned = true;
    byId("search-msg").textContent = nodeVisible[i] ? "" : T.hidden;
    showNode(i);
    if (nodeVisible[i]) {
      network.selectNodes([i]);
      network.focus(i, {scale: Math.max(network.getScale(), 1.2), animation: {duration: 400, easingFunction: "easeInOutQuad"}});
    }
  }

  network.on("click", function (params) {
    if (params.nodes.length) { pinned = true; showNode(params.nodes[0]); }
    else if (params.edges.length) { pinned = true; showEdge(params.edges[0]); }
    else { pinned = false; showHint(); }
  });
  network.on("hoverEdge", function (params) { if (!pinned) showEdge(params.edge); });

  // --- search ------------------------------------------------------------------------
  var folded = N.map(function (n) {
    var names = [n.l].concat(Object.keys(n.L || {}).map(function (k) { return n.L[k]; }), n.a || []);
    return names.map(function (s) { return String(s).toLocaleLowerCase(); });
  });
  function find(text) {
    var q = String(text || "").trim().toLocaleLowerCase();
    if (!q) return null;
    var i, best = null;
    for (i = 0; i < N.length; i++) if (folded[i].indexOf(q) >= 0) { if (best === null || adjacency[i].length > adjacency[best].length) best = i; }
    if (best !== null) return best;
    for (i = 0; i < N.length; i++) {
      if (folded[i].some(function (s) { return s.indexOf(q) >= 0; })) {
        if (best === null || adjacency[i].length > adjacency[best].length) best = i;
      }
    }
    return best;
  }
  function search() {
    var i = find(byId("search").value);
    if (i === null) { byId("search-msg").textContent = byId("search").value.trim() ? T.notFound : ""; return null; }
    focusNode(i);
    return i;
  }
  var names = byId("names"), seen = {};
  N.map(function (n) { return n.l; }).sort().forEach(function (l) {
    if (!seen[l]) { seen[l] = true; names.appendChild(el("option", {value: l})); }
  });
  byId("search").addEventListener("change", search);
  byId("search").addEventListener("keydown", function (ev) { if (ev.key === "Enter") search(); });

  // --- side panel ------------------------------------------------------------------------
  byId("title").textContent = D.meta.title;
  byId("search-label").textContent = T.search;
  byId("types-h").textContent = T.types;
  byId("preds-h").textContent = T.predicates;
  byId("dates-h").textContent = T.dates;
  byId("undated-l").textContent = T.undated;
  byId("physics-l").textContent = T.physics;
  byId("fit").textContent = T.fit;
  byId("reset").textContent = T.reset;
  byId("foot").textContent = D.meta.generator + " · " + D.meta.generated + " · vis-network (Apache-2.0 / MIT)";

  function checkbox(list, kind, i, on, glyphEl, label, count) {
    var box = el("input", {type: "checkbox", "data-kind": kind, "data-name": kind === "type" ? types[i].name : preds[i].name});
    box.checked = on;
    box.addEventListener("change", function () {
      (kind === "type" ? typeOn : predOn)[i] = box.checked;
      applyFilters();
    });
    list.appendChild(el("li", null, [el("label", null, [box, glyphEl, el("span", {text: label}),
      el("span", {className: "count", text: String(count)})])]));
  }
  types.forEach(function (t, i) { checkbox(byId("types"), "type", i, true, glyph(t.shape, t.color), t.label, t.count); });
  preds.forEach(function (p, i) { checkbox(byId("preds"), "predicate", i, true, edgeGlyph(p.color, !p.symmetric), p.label, p.count); });

  if (D.meta.dateMin) {
    byId("dates").hidden = false;
    byId("date-from").min = byId("date-to").min = dateStart(D.meta.dateMin);
    byId("date-from").max = byId("date-to").max = lastDay(D.meta.dateMax);
    ["date-from", "date-to", "undated"].forEach(function (id) {
      byId(id).addEventListener("change", function () {
        dateFrom = byId("date-from").value; dateTo = byId("date-to").value; undatedOn = byId("undated").checked;
        applyFilters();
      });
    });
  }
  byId("physics").addEventListener("change", function () {
    network.setOptions({physics: {enabled: byId("physics").checked}});
  });
  byId("fit").addEventListener("click", function () { network.fit({animation: {duration: 300}}); });
  byId("reset").addEventListener("click", function () {
    typeOn.fill(true); predOn.fill(true); dateFrom = dateTo = ""; undatedOn = true;
    Array.prototype.forEach.call(document.querySelectorAll("#side input[type=checkbox][data-kind]"), function (b) { b.checked = true; });
    byId("date-from").value = byId("date-to").value = ""; byId("undated").checked = true;
    applyFilters();
  });

  updateStats();
  showHint();
  if (D.meta.focus !== null && D.meta.focus !== undefined) {
    pinned = true;
    network.selectNodes([D.meta.focus]);
    showNode(D.meta.focus);
  }

  // For tests and the curious: the network and the filter controls.
  window.kg = {
    data: D, network: network, nodes: nodesDS, edges: edgesDS, nodesView: nodesView, edgesView: edgesView,
    find: find, search: function (text) { byId("search").value = text; return search(); },
    showEdge: showEdge, showNode: showNode,
    setType: function (name, on) { types.forEach(function (t, i) { if (t.name === name) typeOn[i] = on; }); syncBoxes(); applyFilters(); },
    setPredicate: function (name, on) { preds.forEach(function (p, i) { if (p.name === name) predOn[i] = on; }); syncBoxes(); applyFilters(); },
    setDates: function (from, to, undated) {
      dateFrom = from || ""; dateTo = to || ""; undatedOn = undated !== false;
      byId("date-from").value = dateFrom; byId("date-to").value = dateTo; byId("undated").checked = undatedOn;
      applyFilters();
    },
    counts: function () { return {nodes: network.body.nodeIndices.length, edges: network.body.edgeIndices.length}; }
  };
  function syncBoxes() {
    Array.prototype.forEach.call(document.querySelectorAll("#side input[type=checkbox][data-kind]"), function (b) {
      var name = b.getAttribute("data-name");
      if (b.getAttribute("data-kind") === "type") types.forEach(function (t, i) { if (t.name === name) b.checked = typeOn[i]; });
      else preds.forEach(function (p, i) { if (p.name === name) b.checked = predOn[i]; });
    });
  }
}());
