// The book's interactive figures ("widgets"): plain JavaScript and SVG, no
// library, nothing from another host. See CONTRIBUTING.md, "Add a widget".
//
// A page marks a widget with a block of HTML whose Markdown links the data
// file that the page's run wrote with nnbook.plots.widgets.save_json:
//
//   <div class="nnbook-widget" data-widget="chain-rule" markdown>
//   Text about the widget ([its data](figures/chain-rule-widget.json)).
//   </div>
//
// MkDocs checks the link and rewrites it for the page (and print-site for
// the whole-book page), so the widget fetches the file from wherever the
// page is served. Each widget's script registers a builder under its name;
// a widget starts when its page is shown (Material's document$, on the first
// load and after every instant navigation) and its builder is known. Its
// state goes into data-state: loading, ready, static (on the print page,
// where the figure next to it stands in) or failed.
(function () {
  "use strict";

  const SVG = "http://www.w3.org/2000/svg";
  const builders = {};
  let serial = 0;

  // -- numbers, formatted exactly as Python formats them --------------------

  // format(v, f"#.{p}g") in Python: p significant digits, trailing zeros
  // kept, fixed notation for exponents from -4 to p - 1, else e-notation
  // with a signed exponent of at least two digits. JavaScript's toFixed and
  // toExponential round the exact binary value, as Python does; they differ
  // only on exact ties (JavaScript rounds them away from zero, Python to
  // even), which the tests allow for.
  function formatG(value, p) {
    if (!Number.isFinite(value)) return String(value);
    const sign = value < 0 || Object.is(value, -0) ? "-" : "";
    const size = Math.abs(value);
    const [mantissa, exponentText] = size.toExponential(p - 1).split("e");
    const exponent = Number(exponentText);
    if (exponent >= -4 && exponent < p) {
      const fixed = size.toFixed(p - 1 - exponent);
      return sign + (fixed.includes(".") ? fixed : fixed + ".");
    }
    const digits = String(Math.abs(exponent)).padStart(2, "0");
    const body = mantissa.includes(".") ? mantissa : mantissa + ".";
    return `${sign}${body}e${exponent < 0 ? "-" : "+"}${digits}`;
  }

  // f"{v:.{d}f}" in Python (the same caveat on exact ties).
  function formatF(value, d) {
    return value.toFixed(d);
  }

  // np.mean of a list, to the last bit: numpy adds with pairwise summation,
  // which for up to 128 numbers keeps eight running sums (numpy's
  // pairwise_sum in loops_utils.h), then divides by the count.
  function pairwiseSum(values, first = 0, n = values.length) {
    if (n < 8) {
      let sum = 0;
      for (let i = first; i < first + n; i++) sum += values[i];
      return sum;
    }
    if (n <= 128) {
      const r = values.slice(first, first + 8);
      let i = 8;
      for (; i < n - (n % 8); i += 8) {
        for (let j = 0; j < 8; j++) r[j] += values[first + i + j];
      }
      let sum = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
      for (; i < n; i++) sum += values[first + i];
      return sum;
    }
    let half = Math.floor(n / 2);
    half -= half % 8;
    return pairwiseSum(values, first, half) + pairwiseSum(values, first + half, n - half);
  }

  function mean(values) {
    return pairwiseSum(values) / values.length;
  }

  // -- building blocks: SVG, controls, a table of values --------------------

  function svg(tag, attributes = {}, parent = null) {
    const node = document.createElementNS(SVG, tag);
    for (const [name, value] of Object.entries(attributes)) {
      node.setAttribute(name, value);
    }
    if (parent) parent.append(node);
    return node;
  }

  function html(tag, attributes = {}, parent = null) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) {
      if (name === "html") node.innerHTML = value;
      else if (name === "text") node.textContent = value;
      else node.setAttribute(name, value);
    }
    if (parent) parent.append(node);
    return node;
  }

  function uid(name) {
    serial += 1;
    return `nnbook-${name}-${serial}`;
  }

  // A real <input type="range"> with its <label> and an <output> beside it.
  // `show(value)` gives the text of the output (and of aria-valuetext).
  function slider(parent, { name, label, min, max, step = 1, value, show, onInput }) {
    const row = html("div", { class: "nnbook-widget__control" }, parent);
    const id = uid(name);
    html("label", { for: id, html: label }, row);
    const input = html("input", {
      type: "range", id, min, max, step, value, "data-control": name,
    }, row);
    const output = html("output", { for: id, "data-value": `${name}-shown` }, row);
    const update = () => {
      const text = show(Number(input.value));
      output.textContent = text;
      input.setAttribute("aria-valuetext", text);
    };
    input.addEventListener("input", () => {
      update();
      onInput(Number(input.value));
    });
    update();
    return { input, update };
  }

  // A real <input type="number"> with its <label>; `onChange(number)` runs
  // when the reader commits a value (Enter, leaving the field, the arrows).
  function numberInput(parent, { name, label, min, max, step, value, onChange }) {
    const row = html("div", { class: "nnbook-widget__control nnbook-widget__control--number" }, parent);
    const id = uid(name);
    html("label", { for: id, html: label }, row);
    const input = html("input", {
      type: "number", id, min, max, step, value, inputmode: "decimal",
      "data-control": name,
    }, row);
    input.addEventListener("change", () => {
      const number = Number(input.value);
      if (input.value !== "" && Number.isFinite(number)) onChange(number);
    });
    return input;
  }

  // Rows of (label, key): returns set(key, text). Each value cell carries
  // data-value="key", which the browser tests read.
  function valueTable(parent, rows, caption) {
    const table = html("table", { class: "nnbook-widget__values" }, parent);
    if (caption) html("caption", { html: caption }, table);
    const cells = {};
    const body = html("tbody", {}, table);
    for (const [label, key] of rows) {
      const row = html("tr", {}, body);
      html("th", { scope: "row", html: label }, row);
      cells[key] = html("td", { "data-value": key }, row);
    }
    return (key, text) => {
      cells[key].textContent = text;
    };
  }

  // A linear map from data coordinates to the SVG's, and back.
  function scale(domain, range) {
    const [d0, d1] = domain;
    const [r0, r1] = range;
    const to = (v) => r0 + ((v - d0) / (d1 - d0)) * (r1 - r0);
    to.invert = (r) => d0 + ((r - r0) / (r1 - r0)) * (d1 - d0);
    return to;
  }

  // The point of an SVG's own coordinates under a pointer event.
  function pointerPoint(root, event) {
    const point = root.createSVGPoint();
    point.x = event.clientX;
    point.y = event.clientY;
    return point.matrixTransform(root.getScreenCTM().inverse());
  }

  function polyline(points) {
    return points.map(([x, y]) => `${x.toFixed(2)},${y.toFixed(2)}`).join(" ");
  }

  // -- starting the widgets of a page ---------------------------------------

  function fail(element, message) {
    element.dataset.state = "failed";
    html("p", { class: "nnbook-widget__error", text: message }, element);
    console.error(`nnbook widget ${element.dataset.widget}: ${message}`);
  }

  function start(element) {
    if (element.dataset.state) return;
    const build = builders[element.dataset.widget];
    if (!build) return;
    // The whole book on one page is for printing: the static figure serves.
    if (element.closest("#print-site-page")) {
      element.dataset.state = "static";
      return;
    }
    const link = element.querySelector("a[href$='.json']");
    if (!link) {
      fail(element, "the widget links no data file");
      return;
    }
    element.dataset.state = "loading";
    fetch(link.href)
      .then((response) => {
        if (!response.ok) throw new Error(`${link.href}: HTTP ${response.status}`);
        return response.json();
      })
      .then((data) => {
        const body = html("div", { class: "nnbook-widget__body" }, element);
        build(body, data);
        element.dataset.state = "ready";
      })
      .catch((error) => fail(element, `could not start: ${error.message}`));
  }

  function startAll() {
    document.querySelectorAll(".nnbook-widget[data-widget]").forEach(start);
  }

  window.nnbookWidgets = {
    register(name, build) {
      builders[name] = build;
      startAll();
    },
    formatG, formatF, mean, svg, html, uid, slider, numberInput, valueTable,
    scale, pointerPoint, polyline,
  };

  // On the first load and after every instant navigation.
  document$.subscribe(startAll);
})();
