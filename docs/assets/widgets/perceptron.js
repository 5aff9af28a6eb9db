// Chapter 1, the perceptron and its boundary: the reader drags the weight
// vector w (or types it, or moves its tip with the arrow keys) and moves the
// bias b; the boundary w . x + b = 0 (1.7) turns with w, at right angles to
// it, and in each of the panels AND, OR and XOR the corners that the
// perceptron gets wrong are ringed. Data (docs/01-vectors-and-the-
// perceptron.md): the starting w and b and the truth tables of
// nnbook.logic_gate. The maths is nnbook.Perceptron's:
//   z = w . x + b = (x_1 w_1 + x_2 w_2) + b     weighted_input, (1.6)
//   y_hat = 1 if z > 0 else 0                   predict, (1.5)
// w and b move in steps of 1/8, which floats hold exactly, so z is exact
// and a corner on the boundary (z = 0) gets the output 0, as (1.5) says.
(function () {
  "use strict";
  const W = window.nnbookWidgets;
  const UNIT = 8; // w and b are multiples of 1 / 8
  const LO = -1.5, HI = 2.5; // the part of the plane shown, in x_1 and x_2
  const B_MAX = 3;

  function build(root, data) {
    const names = Object.keys(data.gates);
    const corners = data.gates[names[0]].X;
    const state = {
      k1: Math.round(data.w[0] * UNIT),
      k2: Math.round(data.w[1] * UNIT),
      kb: Math.round(data.b * UNIT),
    };
    const clamp = (k, lo, hi) => Math.min(hi * UNIT, Math.max(lo * UNIT, Math.round(k)));

    const controls = W.html("div", { class: "nnbook-widget__controls" }, root);
    const fields = W.html("div", { class: "nnbook-widget__fields" }, controls);
    const field = (name, label, index) => W.numberInput(fields, {
      name, label, min: LO, max: HI, step: 1 / UNIT, value: state[index] / UNIT,
      onChange: (v) => { state[index] = clamp(v * UNIT, LO, HI); update(); },
    });
    const w1Field = field("w1", "<var>w</var><sub>1</sub>", "k1");
    const w2Field = field("w2", "<var>w</var><sub>2</sub>", "k2");
    const bias = W.slider(controls, {
      name: "b", label: "bias <var>b</var>",
      min: -B_MAX * UNIT, max: B_MAX * UNIT, value: state.kb,
      show: (k) => W.formatF(k / UNIT, 3),
      onInput: (k) => { state.kb = k; update(); },
    });

    // One panel per gate; the tip of w can be dragged in any of them.
    const size = 260, pad = 8;
    const s = W.scale([LO, HI], [pad, size - pad]);
    const sInvY = W.scale([LO, HI], [size - pad, pad]);
    const panels = W.html("div", { class: "nnbook-widget__panels" }, root);
    const drawn = names.map((name, index) => {
      const figure = W.html("figure", { class: "nnbook-widget__panel" }, panels);
      const plot = W.svg("svg", {
        viewBox: `0 0 ${size} ${size}`, class: "nnbook-widget__plot",
        role: "group", "data-gate": name,
      }, figure);
      const caption = W.html("figcaption", {}, figure);
      const clip = W.uid("clip");
      W.svg("rect", { x: pad, y: pad, width: size - 2 * pad, height: size - 2 * pad },
        W.svg("clipPath", { id: clip }, W.svg("defs", {}, plot)));
      W.svg("rect", {
        x: pad, y: pad, width: size - 2 * pad, height: size - 2 * pad,
        class: "nnbook-widget__area", "data-view": `${LO} ${HI} ${LO} ${HI}`,
      }, plot);
      const inside = W.svg("g", { "clip-path": `url(#${clip})` }, plot);
      const half = W.svg("polygon", { class: "nnbook-widget__half" }, inside);
      W.svg("path", {
        class: "nnbook-widget__grid",
        d: `M${s(LO)},${sInvY(0)}H${s(HI)}M${s(0)},${sInvY(LO)}V${sInvY(HI)}`,
      }, inside);
      const boundary = W.svg("line", { class: "nnbook-widget__boundary" }, inside);
      const square = W.svg("path", { class: "nnbook-widget__right-angle" }, inside);
      const arrow = W.svg("line", { class: "nnbook-widget__vector" }, inside);
      const head = W.svg("polygon", { class: "nnbook-widget__vector-head" }, inside);
      // the handle under the corners, which let the pointer through to it
      const handle = W.svg("circle", {
        r: 11, class: "nnbook-widget__handle", "data-handle": "w",
        ...(index === 0 ? { tabindex: 0, role: "button", "aria-roledescription": "movable point" } : {}),
      }, plot);
      const above = W.svg("g", { class: "nnbook-widget__corners" }, plot);
      const points = corners.map((corner, i) => {
        const [cx, cy] = [s(corner[0]), sInvY(corner[1])];
        const group = W.svg("g", {
          class: "nnbook-widget__corner", "data-gate": name, "data-corner": i,
        }, above);
        if (data.gates[name].y[i] === 1) {
          W.svg("rect", { x: cx - 7, y: cy - 7, width: 14, height: 14, class: "nnbook-widget__one" }, group);
        } else {
          W.svg("circle", { cx, cy, r: 7.5, class: "nnbook-widget__zero" }, group);
        }
        W.svg("circle", { cx, cy, r: 13, class: "nnbook-widget__wrong-ring" }, group);
        return group;
      });
      return { name, plot, caption, half, boundary, square, arrow, head, points, handle };
    });

    const set = W.valueTable(root, [
      ["<var>w</var> = (<var>w</var><sub>1</sub>, <var>w</var><sub>2</sub>)", "w"],
      ["<var>b</var>", "b"],
      ...corners.map((corner, i) => [
        `<var>z</var> = <var>w</var> · <var>x</var> + <var>b</var> at <var>x</var> = (${corner.join(", ")}), and <var>ŷ</var>`,
        `z${i}`,
      ]),
      ...names.map((name) => [`corners wrong for ${name.toUpperCase()}`, `wrong-${name}`]),
    ]);

    function moveTo(plot, event) {
      const p = W.pointerPoint(plot, event);
      state.k1 = clamp(s.invert(p.x) * UNIT, LO, HI);
      state.k2 = clamp(sInvY.invert(p.y) * UNIT, LO, HI);
      update();
    }
    for (const { plot, handle } of drawn) {
      plot.addEventListener("pointerdown", (event) => {
        if (event.button !== 0) return;
        moveTo(plot, event);
        if (event.target === handle) handle.setPointerCapture(event.pointerId);
      });
      handle.addEventListener("pointermove", (event) => {
        if (handle.hasPointerCapture(event.pointerId)) moveTo(plot, event);
      });
      handle.addEventListener("keydown", (event) => {
        const moves = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, 1], ArrowDown: [0, -1] };
        const move = moves[event.key];
        if (!move) return;
        event.preventDefault();
        state.k1 = clamp(state.k1 + move[0], LO, HI);
        state.k2 = clamp(state.k2 + move[1], LO, HI);
        update();
      });
    }

    // The corners of the shown square where w . x + b > 0, in order: the
    // half-plane of output 1, clipped to the figure.
    function halfPlane(w1, w2, b) {
      const square = [[LO, LO], [HI, LO], [HI, HI], [LO, HI]];
      const z = ([p, q]) => w1 * p + w2 * q + b;
      const out = [];
      square.forEach((point, i) => {
        const next = square[(i + 1) % 4];
        const [za, zb] = [z(point), z(next)];
        if (za > 0) out.push(point);
        if ((za > 0) !== (zb > 0)) {
          const t = za / (za - zb);
          out.push([point[0] + t * (next[0] - point[0]), point[1] + t * (next[1] - point[1])]);
        }
      });
      return out;
    }

    function update() {
      const [w1, w2, b] = [state.k1 / UNIT, state.k2 / UNIT, state.kb / UNIT];
      const zs = corners.map(([p, q]) => p * w1 + q * w2 + b); // (1.6)
      const outputs = zs.map((z) => (z > 0 ? 1 : 0)); // (1.5)
      const norm2 = w1 * w1 + w2 * w2;
      const wText = `(${W.formatF(w1, 3)}, ${W.formatF(w2, 3)})`;
      set("w", wText);
      set("b", W.formatF(b, 3));
      zs.forEach((z, i) => set(`z${i}`, `${W.formatF(z, 3)} → ${outputs[i]}`));
      w1Field.value = String(w1);
      w2Field.value = String(w2);
      bias.input.value = String(state.kb);
      bias.update();
      const half = halfPlane(w1, w2, b);
      // The foot of the perpendicular from the origin on the boundary, and
      // the boundary's direction, at right angles to w.
      const foot = norm2 > 0 ? [(-b * w1) / norm2, (-b * w2) / norm2] : null;
      const norm = Math.sqrt(norm2);
      for (const panel of drawn) {
        const target = data.gates[panel.name].y;
        const wrong = outputs.map((out, i) => out !== target[i]);
        panel.points.forEach((point, i) => point.setAttribute("data-wrong", String(wrong[i])));
        const count = wrong.filter(Boolean).length;
        set(`wrong-${panel.name}`, String(count));
        panel.caption.textContent = `${panel.name.toUpperCase()}: ${count} wrong`;
        panel.plot.setAttribute("aria-label", `${panel.name.toUpperCase()}: the four corners, `
          + `the boundary of w = ${wText}, b = ${W.formatF(b, 3)}, ${count} corners wrong`);
        panel.half.setAttribute("points", W.polyline(half.map(([p, q]) => [s(p), sInvY(q)])));
        const [tx, ty] = [s(w1), sInvY(w2)];
        panel.arrow.setAttribute("x1", s(0));
        panel.arrow.setAttribute("y1", sInvY(0));
        panel.arrow.setAttribute("x2", tx);
        panel.arrow.setAttribute("y2", ty);
        panel.handle.setAttribute("cx", tx);
        panel.handle.setAttribute("cy", ty);
        panel.handle.setAttribute("data-tip", `${w1} ${w2}`);
        panel.handle.setAttribute("aria-label", `tip of w = ${wText}; arrow keys move it`);
        if (!foot) {
          for (const item of [panel.boundary, panel.square, panel.head]) item.setAttribute("visibility", "hidden");
          continue;
        }
        for (const item of [panel.boundary, panel.square, panel.head]) item.removeAttribute("visibility");
        const [u1, u2] = [w1 / norm, w2 / norm]; // along w
        const [d1, d2] = [-u2, u1]; // along the boundary
        const far = 2 * (HI - LO);
        const ends = [-far, far].map((t) => [foot[0] + t * d1, foot[1] + t * d2]);
        panel.boundary.setAttribute("x1", s(ends[0][0]));
        panel.boundary.setAttribute("y1", sInvY(ends[0][1]));
        panel.boundary.setAttribute("x2", s(ends[1][0]));
        panel.boundary.setAttribute("y2", sInvY(ends[1][1]));
        panel.boundary.setAttribute("data-line", `${foot[0]} ${foot[1]} ${d1} ${d2}`);
        const k = 0.12; // the right-angle mark, on the side w points to
        const corner = (a, c) => [s(foot[0] + a * u1 + c * d1), sInvY(foot[1] + a * u2 + c * d2)];
        const [p1, p2, p3] = [corner(0, k), corner(k, k), corner(k, 0)];
        panel.square.setAttribute("d", `M${p1}L${p2}L${p3}`);
        const back = Math.min(0.18, norm);
        const headBase = [w1 - back * u1, w2 - back * u2];
        panel.head.setAttribute("points", W.polyline([
          [s(w1), sInvY(w2)],
          [s(headBase[0] + 0.07 * d1), sInvY(headBase[1] + 0.07 * d2)],
          [s(headBase[0] - 0.07 * d1), sInvY(headBase[1] - 0.07 * d2)],
        ]));
      }
    }
    update();
  }

  W.register("perceptron", build);
})();
