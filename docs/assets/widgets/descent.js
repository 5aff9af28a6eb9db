// Chapter 3, gradient descent on the loss of the line fit: the reader picks
// the start (a click or tap on the contours, the arrow keys on the start
// point, or its two fields) and the learning rate; the path of the fixed
// number of steps redraws. Data (docs/03-gradient-descent.md): the 30
// points, the start, the number of steps, the least-squares line, the
// eigenvalues and eigenvectors of the Hessian, the edge 2 / lambda_max, the
// contour levels and the part of the (m, c) plane shown. The maths is
// nnbook's, in float64 and in its order (np.mean's pairwise sums included):
//   r_i = m x_i + c - y_i,  grad = (mean(r_i x_i), mean(r_i))   (3.3)
//   theta <- theta - eta grad                                   (3.4)
//   L = 0.5 mean((y_i - (m x_i + c))^2)                         (3.2)
(function () {
  "use strict";
  const W = window.nnbookWidgets;
  const DIGITS = 5; // significant digits of the results, f"{v:#.5g}"
  const GRID = 20; // the start snaps to multiples of 1 / 20 = 0.05

  function gradient(m, c, x, y) {
    const r = x.map((xi, i) => m * xi + c - y[i]);
    return [W.mean(r.map((ri, i) => ri * x[i])), W.mean(r)];
  }

  function loss(m, c, x, y) {
    return 0.5 * W.mean(y.map((yi, i) => {
      const d = yi - (m * x[i] + c);
      return d * d;
    }));
  }

  function descend(start, eta, steps, x, y) {
    let [m, c] = start;
    const path = [[m, c]];
    for (let step = 1; step <= steps; step++) {
      const [gm, gc] = gradient(m, c, x, y);
      [m, c] = [m - eta * gm, c - eta * gc];
      if (!Number.isFinite(m) || !Number.isFinite(c)) break; // nnbook raises
      path.push([m, c]);
    }
    return path;
  }

  function build(root, data) {
    const { x, y, steps, best, lowest, view, eigenvalues, eigenvectors, edge, levels } = data;
    const [[mLo, mHi], [cLo, cHi]] = view;
    const clampK = (v, lo, hi) => Math.min(Math.ceil(hi * GRID - 1e-9),
      Math.max(Math.floor(lo * GRID + 1e-9), Math.round(v * GRID)));
    const state = {
      km: clampK(data.start[0], mLo, mHi),
      kc: clampK(data.start[1], cLo, cHi),
      keta: Math.round(data.learning_rate * 100),
    };

    const controls = W.html("div", { class: "nnbook-widget__controls" }, root);
    W.slider(controls, {
      name: "eta", label: "learning rate <var>η</var>",
      min: 1, max: 100, value: state.keta,
      show: (k) => W.formatF(k / 100, 2),
      onInput: (k) => { state.keta = k; update(); },
    });
    const fields = W.html("div", { class: "nnbook-widget__fields" }, controls);
    const mField = W.numberInput(fields, {
      name: "m0", label: "start <var>m</var>", min: mLo, max: mHi, step: 1 / GRID,
      value: W.formatF(state.km / GRID, 2),
      onChange: (v) => { state.km = clampK(v, mLo, mHi); update(); },
    });
    const cField = W.numberInput(fields, {
      name: "c0", label: "start <var>c</var>", min: cLo, max: cHi, step: 1 / GRID,
      value: W.formatF(state.kc / GRID, 2),
      onChange: (v) => { state.kc = clampK(v, cLo, cHi); update(); },
    });

    // The contours, the least-squares line, the path and its start.
    const width = 480, left = 50, right = 12, top = 12, bottom = 42;
    const inner = width - left - right;
    const innerHeight = (inner * (cHi - cLo)) / (mHi - mLo); // equal scales
    const height = top + innerHeight + bottom;
    const sx = W.scale([mLo, mHi], [left, left + inner]);
    const sy = W.scale([cLo, cHi], [top + innerHeight, top]);
    const plot = W.svg("svg", {
      viewBox: `0 0 ${width} ${height.toFixed(1)}`, class: "nnbook-widget__plot nnbook-widget__plot--pick",
      role: "group", "aria-label": "Contour lines of the loss over the slope m and the "
        + "intercept c, the least-squares minimum and the path of gradient descent",
    }, root);
    const clip = W.uid("clip");
    W.svg("rect", { x: left, y: top, width: inner, height: innerHeight },
      W.svg("clipPath", { id: clip }, W.svg("defs", {}, plot)));
    W.svg("rect", {
      x: left, y: top, width: inner, height: innerHeight,
      class: "nnbook-widget__area", "data-view": `${mLo} ${mHi} ${cLo} ${cHi}`,
    }, plot);
    const axes = W.svg("g", { class: "nnbook-widget__axes" }, plot);
    for (let t = Math.ceil(mLo * 2) / 2; t <= mHi + 1e-9; t += 0.5) {
      W.svg("text", { x: sx(t), y: top + innerHeight + 17, "text-anchor": "middle" }, axes)
        .textContent = t.toFixed(1);
    }
    for (let t = Math.ceil(cLo * 2) / 2; t <= cHi + 1e-9; t += 0.5) {
      W.svg("text", { x: left - 6, y: sy(t) + 4, "text-anchor": "end" }, axes)
        .textContent = t.toFixed(1);
    }
    W.svg("text", { x: left + inner / 2, y: height - 5, "text-anchor": "middle" }, axes)
      .textContent = "slope m";
    W.svg("text", {
      x: 13, y: top + innerHeight / 2, "text-anchor": "middle",
      transform: `rotate(-90 13 ${top + innerHeight / 2})`,
    }, axes).textContent = "intercept c";
    const inside = W.svg("g", { "clip-path": `url(#${clip})` }, plot);
    // L = lowest + (theta - best)^T H (theta - best) / 2 is quadratic, so a
    // contour is an ellipse with the semi-axis sqrt(2 (level - lowest) / lambda)
    // along each eigenvector.
    for (const level of levels) {
      const [r0, r1] = eigenvalues.map((lam) => Math.sqrt((2 * (level - lowest)) / lam));
      const ring = [];
      for (let i = 0; i < 120; i++) {
        const t = (2 * Math.PI * i) / 120;
        const [u, v] = [r0 * Math.cos(t), r1 * Math.sin(t)];
        ring.push([
          sx(best[0] + u * eigenvectors[0][0] + v * eigenvectors[1][0]),
          sy(best[1] + u * eigenvectors[0][1] + v * eigenvectors[1][1]),
        ]);
      }
      W.svg("polygon", { class: "nnbook-widget__contour", points: W.polyline(ring) }, inside);
    }
    const [bx, by] = [sx(best[0]), sy(best[1])];
    W.svg("path", {
      class: "nnbook-widget__best", d: `M${bx - 7},${by - 7}L${bx + 7},${by + 7}M${bx - 7},${by + 7}L${bx + 7},${by - 7}`,
    }, inside);
    const trail = W.svg("polyline", { class: "nnbook-widget__path" }, inside);
    const dots = W.svg("g", { class: "nnbook-widget__dots" }, inside);
    const end = W.svg("circle", { r: 5, class: "nnbook-widget__end" }, inside);
    const handle = W.svg("circle", {
      r: 8, class: "nnbook-widget__handle", tabindex: 0, role: "button", "aria-roledescription": "movable point",
      "data-handle": "start",
    }, plot);

    W.html("p", {
      class: "nnbook-widget__hint",
      text: "Click or tap the figure to start there, or focus the start point "
        + "and use the arrow keys.",
    }, root);
    const set = W.valueTable(root, [
      ["start (<var>m</var>, <var>c</var>)", "start"],
      ["edge 2/<var>λ</var><sub>max</sub> (3.5)", "edge"],
      ["factor 1 − <var>η</var><var>λ</var><sub>min</sub>, along the valley", "factor_min"],
      ["factor 1 − <var>η</var><var>λ</var><sub>max</sub>, across it", "factor_max"],
      [`<var>m</var> after ${steps} steps`, "m"],
      [`<var>c</var> after ${steps} steps`, "c"],
      [`loss <var>L</var> after ${steps} steps (3.2)`, "loss"],
      ["distance from the cross at the start", "distance_start"],
      [`distance from the cross after ${steps} steps`, "distance_end"],
    ]);
    const verdictLine = W.html("p", { class: "nnbook-widget__verdict", "data-value": "verdict" }, root);
    set("edge", W.formatG(edge, 4));

    function moveTo(m, c) {
      state.km = clampK(m, mLo, mHi);
      state.kc = clampK(c, cLo, cHi);
      update();
    }

    plot.addEventListener("pointerdown", (event) => {
      if (event.button !== 0) return;
      const p = W.pointerPoint(plot, event);
      moveTo(sx.invert(p.x), sy.invert(p.y));
      if (event.target === handle) handle.setPointerCapture(event.pointerId);
    });
    handle.addEventListener("pointermove", (event) => {
      if (!handle.hasPointerCapture(event.pointerId)) return;
      const p = W.pointerPoint(plot, event);
      moveTo(sx.invert(p.x), sy.invert(p.y));
    });
    handle.addEventListener("keydown", (event) => {
      const moves = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, 1], ArrowDown: [0, -1] };
      const move = moves[event.key];
      if (!move) return;
      event.preventDefault();
      moveTo((state.km + move[0]) / GRID, (state.kc + move[1]) / GRID);
    });

    // The part of the path that an SVG can draw: a point far outside the
    // figure is cut where the segment to it leaves a wide box around it.
    function drawable(points) {
      const box = 4 * width;
      const out = [];
      for (const [px, py] of points) {
        if (Math.abs(px) <= box && Math.abs(py) <= box) {
          out.push([px, py]);
          continue;
        }
        const [qx, qy] = out[out.length - 1];
        const t = Math.min(...[[px, qx], [py, qy]].map(([p, q]) => {
          if (Math.abs(p) <= box) return 1;
          return ((p > 0 ? box : -box) - q) / (p - q);
        }));
        out.push([qx + t * (px - qx), qy + t * (py - qy)]);
        break;
      }
      return out;
    }

    function update() {
      const start = [state.km / GRID, state.kc / GRID];
      const eta = state.keta / 100;
      const path = descend(start, eta, steps, x, y);
      const [m, c] = path[path.length - 1];
      const points = drawable(path.map(([pm, pc]) => [sx(pm), sy(pc)]));
      trail.setAttribute("points", W.polyline(points));
      dots.replaceChildren(...points.slice(1).map(([px, py]) => W.svg("circle", { cx: px, cy: py, r: 2.5 })));
      const [ex, ey] = points[points.length - 1];
      end.setAttribute("cx", ex);
      end.setAttribute("cy", ey);
      handle.setAttribute("cx", sx(start[0]));
      handle.setAttribute("cy", sy(start[1]));
      const startText = `(${W.formatF(start[0], 2)}, ${W.formatF(start[1], 2)})`;
      handle.setAttribute("aria-label", `start point ${startText}; arrow keys move it`);
      mField.value = W.formatF(start[0], 2);
      cField.value = W.formatF(start[1], 2);
      set("start", startText);
      set("factor_min", W.formatG(1 - eta * eigenvalues[0], 4));
      set("factor_max", W.formatG(1 - eta * eigenvalues[1], 4));
      set("m", W.formatG(m, DIGITS));
      set("c", W.formatG(c, DIGITS));
      set("loss", W.formatG(loss(m, c, x, y), DIGITS));
      const distance = ([pm, pc]) => {
        const [dm, dc] = [pm - best[0], pc - best[1]];
        return Math.sqrt(dm * dm + dc * dc);
      };
      set("distance_start", W.formatG(distance(start), 4));
      set("distance_end", W.formatG(distance([m, c]), 4));
      const verdict = eta < edge
        ? `converges: η = ${W.formatF(eta, 2)} is below the edge`
        : `diverges: η = ${W.formatF(eta, 2)} is above the edge`;
      verdictLine.textContent = `The descent ${verdict}.`;
      root.closest(".nnbook-widget").dataset.verdict = eta < edge ? "converges" : "diverges";
    }
    update();
  }

  W.register("descent", build);
})();
