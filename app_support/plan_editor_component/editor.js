// The plan editor of the orientation app: a Streamlit custom component in plain JavaScript
// (the component protocol through postMessage, no build step, nothing loaded from elsewhere).
// It draws the view it is given (plan metres, x east, y north; drawn with y flipped) and
// sends one event per edit: {action, seq, ...} (see app_support/plan_editor.py).
"use strict";
(function () {
  const NS = "http://www.w3.org/2000/svg";
  const svg = document.getElementById("plan");
  const coords = document.getElementById("coords");
  const hint = document.getElementById("hint");
  let args = null;          // the last render's arguments
  let draft = [];           // points of the line being drawn
  let drag = null;          // {door, building, node, label}
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
  function pathOf(ring, close) {
    return ring.map((p, i) => (i ? "L" : "M") + p[0] + " " + (-p[1])).join(" ") + (close ? " Z" : "");
  }
  function ringPath(ring, holes) {
    return [ring].concat(holes || []).filter(Boolean).map(r => pathOf(r, true)).join(" ");
  }
  function toPlan(evt) {
    const pt = svg.createSVGPoint();
    pt.x = evt.clientX; pt.y = evt.clientY;
    const p = pt.matrixTransform(svg.getScreenCTM().inverse());
    return [Math.round(p.x * 100) / 100, Math.round(-p.y * 100) / 100];
  }
  // for tests and for people: the position in the SVG element of a plan point
  window.planToClient = function (x, y) {
    const pt = svg.createSVGPoint();
    pt.x = x; pt.y = -y;
    const p = pt.matrixTransform(svg.getScreenCTM());
    const box = svg.getBoundingClientRect();
    return [p.x - box.left, p.y - box.top];
  };

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

  function draw() {
    const data = args.data;
    while (svg.firstChild) svg.removeChild(svg.firstChild);
    const [x0, y0, x1, y1] = data.bounds;
    const w = Math.max(x1 - x0, 1), h = Math.max(y1 - y0, 1);
    const pad = Math.max(w, h) * 0.06 + 2;
    svg.setAttribute("viewBox", [x0 - pad, -(y1 + pad), w + 2 * pad, h + 2 * pad].join(" "));
    svg.setAttribute("height", args.height || 560);
    size = Math.max(w, h) / 110;
    const font = size * 2.2;
    svg.style.setProperty("--halo", (font * 0.18) + "px");
    const mode = args.mode;
    for (const f of data.site_features) {
      const attrs = { "data-feature": f.index };
      let node = null;
      if (f.line) node = el("path", Object.assign({ d: pathOf(f.line, false), class: f.kind }, attrs));
      else if (f.polygon) node = el("path", Object.assign({ d: pathOf(f.polygon, true), class: "area" }, attrs));
      if (node) { node.appendChild(document.createElementNS(NS, "title")).textContent = f.kind + (f.name ? ": " + f.name : ""); }
    }
    for (const b of data.buildings) {
      const fp = el("path", { d: ringPath(b.ring, b.courtyards), class: "footprint" + (mode === "add-door" ? " target" : ""),
        "fill-rule": "evenodd", "data-building": b.id });
      fp.appendChild(document.createElementNS(NS, "title")).textContent = b.name;
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
      const c = el("circle", { cx: f.at[0], cy: -f.at[1], r: size, class: "feature", "data-feature": f.index });
      c.appendChild(document.createElementNS(NS, "title")).textContent = f.kind + (f.name ? ": " + f.name : "");
    }
    for (const s of data.stairs) {
      el("rect", { x: s.at[0] - size * 0.8, y: -s.at[1] - size * 0.8, width: size * 1.6, height: size * 1.6, class: "stair" });
      if (s.code) el("text", { x: s.at[0] + size, y: -s.at[1] - size, "font-size": font, class: "code" }).textContent = s.code;
    }
    for (const f of data.features) {
      const c = el("rect", { x: f.at[0] - size, y: -f.at[1] - size, width: size * 2, height: size * 2, class: "feature",
        "data-building": f.building, "data-element": f.id || "" });
      c.appendChild(document.createElementNS(NS, "title")).textContent = f.kind + (f.name ? ": " + f.name : "");
    }
    for (const d of data.doors) {
      const c = el("circle", { cx: d.at[0], cy: -d.at[1], r: size * (d.main ? 1.5 : 1.1),
        class: "door " + d.kind + (d.main ? " main" : ""), "data-building": d.building, "data-door": d.id });
      c.appendChild(document.createElementNS(NS, "title")).textContent = (d.code || d.id) + " (" + d.kind + ", x " + d.at[0] + ", y " + d.at[1] + ")";
      if (d.code) {
        const t = el("text", { x: d.at[0] + size * 1.6, y: -d.at[1] - size * 1.2, "font-size": font, class: "code", "data-label-for": d.id });
        t.textContent = d.code;
      }
    }
    if (args.point) {
      el("circle", { cx: args.point[0], cy: -args.point[1], r: size * 2, class: "picked" });
      el("circle", { cx: args.point[0], cy: -args.point[1], r: size * 0.4, class: "point" });
    }
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

  svg.addEventListener("mousemove", function (evt) {
    if (!args) return;
    const p = toPlan(evt);
    coords.textContent = "x " + p[0].toFixed(1) + ", y " + p[1].toFixed(1) + " m";
    if (drag) {
      drag.node.setAttribute("cx", p[0]);
      drag.node.setAttribute("cy", -p[1]);
    }
  });
  svg.addEventListener("mousedown", function (evt) {
    if (!args || args.mode !== "move-door") return;
    const t = evt.target;
    if (t.dataset && t.dataset.door) {
      drag = { door: t.dataset.door, building: t.dataset.building, node: t };
      evt.preventDefault();
    }
  });
  svg.addEventListener("mouseup", function (evt) {
    if (!drag) return;
    const d = drag;
    drag = null;
    setValue({ action: "move-door", building: d.building, door: d.door, at: toPlan(evt) });
  });
  svg.addEventListener("click", function (evt) {
    if (!args) return;
    const p = toPlan(evt), t = evt.target, ds = t.dataset || {};
    coords.textContent = "x " + p[0].toFixed(1) + ", y " + p[1].toFixed(1) + " m";
    switch (args.mode) {
      case "add-door":
        setValue({ action: "add-door", building: nearestBuilding(p, false), at: p });
        break;
      case "set-main":
        if (ds.door) setValue({ action: "set-main", building: ds.building, door: ds.door });
        break;
      case "delete":
        if (ds.door) setValue({ action: "delete", building: ds.building, element: ds.door });
        else if (ds.feature !== undefined) setValue({ action: "delete", site_feature: Number(ds.feature) });
        else if (ds.element) setValue({ action: "delete", building: ds.building, element: ds.element });
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
      default:
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
    if (!args || args.mode !== "line") return;
    if (evt.key === "Enter") finishLine();
    if (evt.key === "Escape") { draft = []; drawDraft(); }
  });

  window.addEventListener("message", function (evt) {
    const msg = evt.data;
    if (!msg || msg.type !== "streamlit:render") return;
    const next = msg.args || {};
    if (!args || next.mode !== args.mode || (args.data && next.data && args.data.view !== next.data.view)) draft = [];
    args = next;
    draw();
  });
  window.addEventListener("resize", setHeight);
  send("streamlit:componentReady", { apiVersion: 1 });
})();
