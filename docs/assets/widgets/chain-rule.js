// Chapter 4, the chain rule by nudges: the output neuron of the chain
// network, w^2 -> z^2 -> a^2 -> C, with a slider for w^2 and one for the
// nudge. Data (docs/04-backpropagation.md): a1, b2, y, the trained w2, the
// nudges to offer; the maths is nnbook's, in float64 and in its order:
//   z^2 = a^1 w^2 + b^2                     Network.forward_trace, (4.1)
//   a^2 = 1 / (1 + e^{-z^2})                nnbook.sigmoid, (4.3)
//   C = 0.5 (y - a^2)^2 / 1                 nnbook.quadratic_cost, (4.5)
//   sigma'(z^2) = s (1 - s), s = sigma(z^2) nnbook.sigmoid_prime, (4.4)
//   product = a^1 sigma'(z^2) (a^2 - y)     (4.10)
//   ratio = (C(w^2 + dw) - C(w^2)) / dw     the chapter's one-sided nudge
(function () {
  "use strict";
  const W = window.nnbookWidgets;
  const DIGITS = 6; // significant digits shown, as Python's f"{v:#.6g}"
  const SPAN = 300; // the w^2 slider runs over w2 + k / 100, |k| <= SPAN

  function sigmoid(z) {
    return 1 / (1 + Math.exp(-z));
  }

  function build(root, data) {
    const { a1, b2, y, w2: trained, nudges } = data;
    const forward = (w2) => {
      const z2 = a1 * w2 + b2;
      const a2 = sigmoid(z2);
      const C = (0.5 * ((y - a2) * (y - a2))) / 1;
      return { z2, a2, C };
    };
    const state = { k: 0, nudge: Math.min(1, nudges.length - 1) };
    const weight = (k) => trained + k / 100;

    const controls = W.html("div", { class: "nnbook-widget__controls" }, root);
    W.slider(controls, {
      name: "w2",
      label: "output weight <var>w</var><sup>2</sup>",
      min: -SPAN, max: SPAN, value: state.k,
      show: (k) => W.formatG(weight(k), DIGITS),
      onInput: (k) => { state.k = k; update(); },
    });
    W.slider(controls, {
      name: "nudge",
      label: "nudge Δ<var>w</var><sup>2</sup> (smaller to the right)",
      min: 0, max: nudges.length - 1, value: state.nudge,
      show: (i) => String(nudges[i]),
      onInput: (i) => { state.nudge = i; update(); },
    });

    // C as a function of w^2, with the tangent (slope: the product) and the
    // secant through the nudged point (slope: the measured ratio).
    const width = 480, height = 250;
    const left = 52, right = 14, top = 12, bottom = 40;
    const lo = weight(-SPAN), hi = weight(SPAN);
    const curve = [];
    for (let i = 0; i <= 240; i++) {
      const w = lo + ((hi - lo) * i) / 240;
      curve.push([w, forward(w).C]);
    }
    const cTop = Math.ceil(Math.max(...curve.map((p) => p[1])) * 10 + 0.2) / 10;
    const sx = W.scale([lo, hi], [left, width - right]);
    const sy = W.scale([0, cTop], [height - bottom, top]);
    const plot = W.svg("svg", {
      viewBox: `0 0 ${width} ${height}`, class: "nnbook-widget__plot",
      role: "img", "aria-label": "The cost C against the output weight w2, "
        + "with the tangent and the secant at the current weight",
    }, root);
    const clip = W.uid("clip");
    W.svg("rect", {
      x: left, y: top, width: width - left - right, height: height - top - bottom,
    }, W.svg("clipPath", { id: clip }, W.svg("defs", {}, plot)));
    const axes = W.svg("g", { class: "nnbook-widget__axes" }, plot);
    W.svg("path", {
      d: `M${left},${top}V${height - bottom}H${width - right}`,
    }, axes);
    for (let t = Math.ceil(lo); t <= hi; t++) {
      W.svg("text", { x: sx(t), y: height - bottom + 17, "text-anchor": "middle" }, axes)
        .textContent = String(t);
    }
    for (let t = 0; t <= cTop + 1e-9; t += 0.1) {
      W.svg("text", { x: left - 6, y: sy(t) + 4, "text-anchor": "end" }, axes)
        .textContent = t.toFixed(1);
    }
    W.svg("text", { x: (left + width - right) / 2, y: height - 4, "text-anchor": "middle" }, axes)
      .textContent = "w²";
    W.svg("text", { x: 14, y: top + 10, "text-anchor": "middle" }, axes).textContent = "C";
    const lines = W.svg("g", { "clip-path": `url(#${clip})` }, plot);
    W.svg("polyline", {
      class: "nnbook-widget__curve",
      points: W.polyline(curve.map(([w, c]) => [sx(w), sy(c)])),
    }, lines);
    const tangent = W.svg("line", { class: "nnbook-widget__tangent" }, lines);
    const secant = W.svg("line", { class: "nnbook-widget__secant" }, lines);
    const nudged = W.svg("circle", { r: 4, class: "nnbook-widget__nudged" }, lines);
    const point = W.svg("circle", { r: 5.5, class: "nnbook-widget__point" }, lines);

    W.html("p", {
      class: "nnbook-widget__legend",
      html: '<span class="nnbook-widget__swatch nnbook-widget__swatch--tangent"></span>'
        + " tangent, slope ∂<var>C</var>/∂<var>w</var><sup>2</sup> (4.10) &nbsp; "
        + '<span class="nnbook-widget__swatch nnbook-widget__swatch--secant"></span>'
        + " secant to the nudged point, slope Δ<var>C</var>/Δ<var>w</var><sup>2</sup>",
    }, root);

    const set = W.valueTable(root, [
      ["<var>w</var><sup>2</sup>", "w2"],
      ["Δ<var>w</var><sup>2</sup>", "nudge"],
      ["<var>z</var><sup>2</sup> = <var>w</var><sup>2</sup><var>a</var><sup>1</sup> + <var>b</var><sup>2</sup>", "z2"],
      ["<var>a</var><sup>2</sup> = σ(<var>z</var><sup>2</sup>)", "a2"],
      ["<var>C</var> = ½(<var>y</var> − <var>a</var><sup>2</sup>)²", "C"],
      ["∂<var>z</var><sup>2</sup>/∂<var>w</var><sup>2</sup> = <var>a</var><sup>1</sup> (4.7)", "dz_dw"],
      ["∂<var>a</var><sup>2</sup>/∂<var>z</var><sup>2</sup> = σ′(<var>z</var><sup>2</sup>) (4.8)", "da_dz"],
      ["∂<var>C</var>/∂<var>a</var><sup>2</sup> = <var>a</var><sup>2</sup> − <var>y</var> (4.9)", "dC_da"],
      ["their product, ∂<var>C</var>/∂<var>w</var><sup>2</sup> (4.10)", "product"],
      ["measured Δ<var>C</var>/Δ<var>w</var><sup>2</sup>", "ratio"],
      ["|Δ<var>C</var>/Δ<var>w</var><sup>2</sup> − product|", "gap"],
    ]);

    function draw(line, w, C, slope) {
      const span = 1.5;
      line.setAttribute("x1", sx(w - span));
      line.setAttribute("y1", sy(C - slope * span));
      line.setAttribute("x2", sx(w + span));
      line.setAttribute("y2", sy(C + slope * span));
    }

    function update() {
      const w2 = weight(state.k);
      const dw = nudges[state.nudge];
      const { z2, a2, C } = forward(w2);
      const s = sigmoid(z2);
      const slope = s * (1.0 - s); // (4.8)
      const product = a1 * slope * (a2 - y); // (4.10)
      const after = forward(w2 + dw);
      const ratio = (after.C - C) / dw;
      const values = {
        w2, z2, a2, C, dz_dw: a1, da_dz: slope, dC_da: a2 - y, product, ratio,
      };
      for (const [key, value] of Object.entries(values)) {
        set(key, W.formatG(value, DIGITS));
      }
      set("nudge", String(dw));
      set("gap", W.formatG(Math.abs(ratio - product), 3));
      draw(tangent, w2, C, product);
      draw(secant, w2, C, ratio);
      point.setAttribute("cx", sx(w2));
      point.setAttribute("cy", sy(C));
      nudged.setAttribute("cx", sx(w2 + dw));
      nudged.setAttribute("cy", sy(after.C));
    }
    update();
  }

  W.register("chain-rule", build);
})();
