// The plan editor of the orientation app: a Streamlit custom component in plain JavaScript
// (the component protocol through postMessage, no build step, nothing loaded from elsewhere).
// It draws the view it is given (plan metres, x east, y north; drawn with y flipped) and
// sends one event per edit: {action, seq, ...} (see app_support/plan_editor.py).
//
// Every door, stair, feature and site feature it draws is an "item" named by its reference
// (data-ref: "haus/d-1", "haus/features[3]", "site_features[2]"): a click selects it (the bar
// says what it is and where), in the delete tool a click deletes it, in the move tool it is
// dragged (a point item is sent with its new "at", a line or an area with "by").
"use strict";
(function () {
  const NS = "http://www.w3.org/2000/svg";
  const svg = document.getElementById("plan");
  const coords = document.getElementById("coords");
  const hint = document.getElementById("hint");
  const sel = document.getElementById("sel");
  const DRAG_PX = 3;        // a press that moves less than this is a click, not a drag
  let args = null;          // the last render's arguments
  let draft = [];           // points of the line being drawn
  let drag = null;          // {item, start, client, d}
  let items = {};           // ref -> {ref, kind, at, label, nodes}
  let selected = null;      // the selected item's ref
  let selectedLabel = null; // and what it is
  let seq = 0;
  let size = 1;             // marker radius in metres

  function send(type, data) {
    window.parent.postMessage(Object.assign({ isStreamlitMessage: true, type: type }, data), "*");
  }
  function setValue(value) {
    seq += 1;
    value.seq = Date.now() + "-" + seq;
    send("streamlit:setComponentValue", { value: value, dataType: "json" });
  }
  function setHeight() {
    send("streamlit:setFrameHeight", { height: document.body.scrollHeight + 4 });
  }

  function el(name, attrs, parent) {
    const node = document.createElementNS(NS, name);
    for (const k in attrs) node.setAttribute(k, attrs[k]);
    (parent || svg).appendChild(node);
    return node;
  }
  function titled(node, text) {
    node.appendChild(document.createElementNS(NS, "title")).textContent = text;
    return node;
  }
  function pathOf(ring, close) {
    return ring.map((p, i) => (i ? "L" : "M") + p[0] + " " + (-p[1])).join(" ") + (close ? " Z" : "");
  }
  function ringPath(ring, holes) {
    return [ring].concat(holes || []).filter(Boolean).map(r => pathOf(r, true)).join(" ");
  }
  function round2(v) { return Math.round(v * 100) / 100; }
  function toPlan(evt) {
    const pt = svg.createSVGPoint();
    pt.x = evt.clientX; pt.y = evt.clientY;
    const p = pt.matrixTransform(svg.getScreenCTM().inverse());
    return [round2(p.x), round2(-p.y)];
  }
  function fmt(p) { return "x " + p[0].toFixed(1) + ", y " + p[1].toFixed(1); }
  // for tests and for people: the position in the SVG element of a plan point
  window.planToClient = function (x, y) {
    const pt = svg.createSVGPoint();
    pt.x = x; pt.y = -y;
    const p = pt.matrixTransform(svg.getScreenCTM());
    const box = svg.getBoundingClientRect();
    return [p.x - box.left, p.y - box.top];
  };
  // for tests: the references of the items drawn, and the selected one
  window.planItems = function () { return Object.keys(items); };
  window.planSelected = function () { return selected; };

  function segDist(p, a, b) {
    const dx = b[0] - a[0], dy = b[1] - a[1];
    const t = dx || dy ? Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / (dx * dx + dy * dy))) : 0;
    return Math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy);
  }
  function ringDist(p, ring) {
    let best = Infinity;
    for (let i = 0; i < ring.length; i++) best = Math.min(best, segDist(p, ring[i], ring[(i + 1) % ring.length]));
    return best;
  }
  function inside(p, ring) {
    let c = false;
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const a = ring[i], b = ring[j];
      if ((a[1] > p[1]) !== (b[1] > p[1]) && p[0] < (b[0] - a[0]) * (p[1] - a[1]) / (b[1] - a[1]) + a[0]) c = !c;
    }
    return c;
  }
  function nearestBuilding(p, insideOnly) {
    let best = null, bestD = Infinity;
    for (const b of args.data.buildings) {
      const d = inside(p, b.ring) ? 0 : ringDist(p, b.ring);
      if (d < bestD) { best = b.id; bestD = d; }
    }
    return insideOnly && bestD > 0 ? null : best;
  }

  // an item: the nodes drawn for one element, under its reference
  function item(e, nodes) {
    const it = items[e.ref] || { ref: e.ref, kind: e.kind || null, at: e.at || null, label: e.label || e.ref, nodes: [] };
    items[e.ref] = it;
    for (const n of nodes) {
      n.setAttribute("data-ref", e.ref);
      n.classList.add("item");
      it.nodes.push(n);
    }
    return it;
  }
  function describe(it) {
    return it.label + (it.at ? " · " + fmt(it.at) : "") + " · " + it.ref;
  }
  function mark(ref, cls, on) {
    const it = ref && items[ref];
    if (it) for (const n of it.nodes) n.classList.toggle(cls, on);
  }
  function select(ref, label) {
    mark(selected, "selected", false);
    // a reference by place names another element once one before it is gone: keep the
    // selection over a redraw only while the same element (by its label) is there
    selected = ref && items[ref] && (label === undefined || items[ref].label === label) ? ref : null;
    selectedLabel = selected ? items[selected].label : null;
    mark(selected, "selected", true);
    sel.textContent = selected ? describe(items[selected]) : "";
  }

  function draw() {
    const data = args.data;
    while (svg.firstChild) svg.removeChild(svg.firstChild);
    items = {};
    const [x0, y0, x1, y1] = data.bounds;
    const w = Math.max(x1 - x0, 1), h = Math.max(y1 - y0, 1);
    const pad = Math.max(w, h) * 0.06 + 2;
    svg.setAttribute("viewBox", [x0 - pad, -(y1 + pad), w + 2 * pad, h + 2 * pad].join(" "));
    svg.setAttribute("height", args.height || 560);
    svg.setAttribute("data-mode", args.mode || "look");
    if (args.title) svg.setAttribute("aria-label", args.title);
    if (args.lang) document.documentElement.lang = args.lang;
    size = Math.max(w, h) / 110;
    const font = size * 2.2;
    svg.style.setProperty("--halo", (font * 0.18) + "px");
    const mode = args.mode;
    for (const f of data.site_features) {
      if (f.line) {
        const seen = el("path", { d: pathOf(f.line, false), class: f.kind });
        const hit = titled(el("path", { d: pathOf(f.line, false), class: "hit" }), f.label);
        item(f, [seen, hit]);
      } else if (f.polygon) {
        item(f, [titled(el("path", { d: pathOf(f.polygon, true), class: "area" }), f.label)]);
      }
    }
    for (const b of data.buildings) {
      titled(el("path", { d: ringPath(b.ring, b.courtyards), class: "footprint" + (mode === "add-door" ? " target" : ""),
        "fill-rule": "evenodd", "data-building": b.id }), b.name);
    }
    for (const o of data.outlines) el("path", { d: ringPath(o.ring, o.courtyards), class: "storey", "fill-rule": "evenodd" });
    for (const r of data.rooms) {
      el("path", { d: pathOf(r.ring, true), class: "room" });
      if (r.label) {
        let cx = 0, cy = 0;
        for (const p of r.ring) { cx += p[0]; cy += p[1]; }
        const t = el("text", { x: cx / r.ring.length, y: -cy / r.ring.length, "font-size": font * 0.7, class: "label", "text-anchor": "middle" });
        t.textContent = r.label;
      }
    }
    for (const b of data.buildings) {
      if (data.level === null && b.code) {
        let cx = 0, cy = 0;
        for (const p of b.ring) { cx += p[0]; cy += p[1]; }
        const t = el("text", { x: cx / b.ring.length, y: -cy / b.ring.length, "font-size": font * 2, class: "code", "text-anchor": "middle" });
        t.textContent = b.code;
      }
    }
    for (const f of data.site_features) {
      if (!f.at) continue;
      // a diamond: a site feature is told from a door (circle) and a building's feature (square)
      const x = f.at[0], y = -f.at[1], r = size * 1.3;
      const d = "M" + x + " " + (y - r) + " L" + (x + r) + " " + y + " L" + x + " " + (y + r) + " L" + (x - r) + " " + y + " Z";
      item(f, [titled(el("path", { d: d, class: "site-point " + f.kind }), f.label)]);
    }
    for (const s of data.stairs) {
      const nodes = [titled(el("rect", { x: s.at[0] - size * 0.8, y: -s.at[1] - size * 0.8, width: size * 1.6, height: size * 1.6, class: "stair" }), s.label || s.id)];
      if (s.code) {
        const t = el("text", { x: s.at[0] + size, y: -s.at[1] - size, "font-size": font, class: "code" });
        t.textContent = s.code;
        nodes.push(t);
      }
      if (s.ref) item(s, nodes);
    }
    for (const f of data.features) {
      const c = el("rect", { x: f.at[0] - size, y: -f.at[1] - size, width: size * 2, height: size * 2, class: "feature " + f.kind,
        "data-building": f.building, "data-element": f.id || "" });
      item(f, [titled(c, f.label || f.kind)]);
    }
    for (const d of data.doors) {
      const c = el("circle", { cx: d.at[0], cy: -d.at[1], r: size * (d.main ? 1.5 : 1.1),
        class: "door " + d.kind + (d.main ? " main" : ""), "data-building": d.building, "data-door": d.id });
      titled(c, (d.label || d.code || d.id) + " (" + fmt(d.at) + ")");
      const nodes = [c];
      if (d.code) {
        const t = el("text", { x: d.at[0] + size * 1.6, y: -d.at[1] - size * 1.2, "font-size": font, class: "code", "data-label-for": d.id });
        t.textContent = d.code;
        nodes.push(t);
      }
      if (d.ref) item(d, nodes);
    }
    if (args.point) {
      el("circle", { cx: args.point[0], cy: -args.point[1], r: size * 2, class: "picked" });
      el("circle", { cx: args.point[0], cy: -args.point[1], r: size * 0.4, class: "point" });
    }
    select(selected, selectedLabel);  // kept over a redraw while its element is still there
    drawDraft();
    hint.textContent = args.hint || "";
    setHeight();
  }

  function drawDraft() {
    const old = svg.querySelector(".draft-group");
    if (old) old.remove();
    if (!draft.length) return;
    const g = el("g", { class: "draft-group" });
    if (draft.length > 1) el("path", { d: pathOf(draft, false), class: "draft" }, g);
    for (const p of draft) el("circle", { cx: p[0], cy: -p[1], r: size * 0.5, class: "point" }, g);
  }

  function itemOf(target) {
    const ref = target && target.getAttribute && target.getAttribute("data-ref");
    return ref ? items[ref] : null;
  }
  svg.addEventListener("pointerover", function (evt) {
    const it = itemOf(evt.target);
    if (it) mark(it.ref, "hover", true);
  });
  svg.addEventListener("pointerout", function (evt) {
    const it = itemOf(evt.target);
    if (it) mark(it.ref, "hover", false);
  });
  svg.addEventListener("pointermove", function (evt) {
    if (!args) return;
    const p = toPlan(evt);
    coords.textContent = fmt(p) + " m";
    if (drag) {
      drag.d = [round2(p[0] - drag.start[0]), round2(p[1] - drag.start[1])];
      for (const n of drag.item.nodes) n.setAttribute("transform", "translate(" + drag.d[0] + " " + (-drag.d[1]) + ")");
    }
  });
  svg.addEventListener("pointerdown", function (evt) {
    if (!args || args.mode !== "move") return;
    const it = itemOf(evt.target);
    if (!it) return;
    drag = { item: it, start: toPlan(evt), client: [evt.clientX, evt.clientY], d: [0, 0] };
    svg.setPointerCapture(evt.pointerId);
    select(it.ref);
    evt.preventDefault();
  });
  svg.addEventListener("pointerup", function (evt) {
    if (!drag) return;
    const g = drag;
    drag = null;
    if (Math.hypot(evt.clientX - g.client[0], evt.clientY - g.client[1]) < DRAG_PX) {
      for (const n of g.item.nodes) n.removeAttribute("transform");
      return;  // a click: selected, not moved
    }
    const it = g.item, d = g.d;
    const value = { action: "move", ref: it.ref, kind: it.kind };
    if (it.at) value.at = [round2(it.at[0] + d[0]), round2(it.at[1] + d[1])];
    else value.by = d;
    setValue(value);
  });
  svg.addEventListener("click", function (evt) {
    if (!args) return;
    const p = toPlan(evt), t = evt.target, ds = t.dataset || {}, it = itemOf(t);
    coords.textContent = fmt(p) + " m";
    switch (args.mode) {
      case "add-door":
        setValue({ action: "add-door", building: nearestBuilding(p, false), at: p });
        break;
      case "set-main":
        if (ds.door) setValue({ action: "set-main", building: ds.building, door: ds.door });
        break;
      case "delete":
        if (it) { select(null); setValue({ action: "delete", ref: it.ref, kind: it.kind }); }
        break;
      case "line":
        draft.push(p);
        drawDraft();
        break;
      case "place":
        setValue({ action: "place", at: p, building: nearestBuilding(p, true) });
        break;
      case "position":
        setValue({ action: "pick-point", at: p });
        break;
      case "move":
        break;  // pointerdown and pointerup do it
      default:
        select(it ? it.ref : null);
        break;
    }
  });
  function finishLine() {
    const pts = [];
    for (const p of draft) {
      const last = pts[pts.length - 1];
      if (!last || Math.hypot(p[0] - last[0], p[1] - last[1]) > size * 0.5) pts.push(p);
    }
    draft = [];
    drawDraft();
    if (pts.length >= 2) setValue({ action: "add-line", line: pts });
  }
  svg.addEventListener("dblclick", function (evt) {
    if (args && args.mode === "line") { evt.preventDefault(); finishLine(); }
  });
  document.addEventListener("keydown", function (evt) {
    if (!args) return;
    if (args.mode === "line" && evt.key === "Enter") finishLine();
    if (evt.key === "Escape") { draft = []; drawDraft(); select(null); }
  });

  window.addEventListener("message", function (evt) {
    const msg = evt.data;
    if (!msg || msg.type !== "streamlit:render") return;
    const next = msg.args || {};
    if (!args || next.mode !== args.mode || (args.data && next.data && args.data.view !== next.data.view)) draft = [];
    if (args && args.data && next.data && args.data.view !== next.data.view) selected = null;
    args = next;
    draw();
  });
  window.addEventListener("resize", setHeight);
  send("streamlit:componentReady", { apiVersion: 1 });
})();
