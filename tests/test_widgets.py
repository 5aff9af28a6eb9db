"""The interactive figures in a real browser: what they show is nnbook's.

Each widget (docs/assets/widgets/) redoes a chapter's maths in JavaScript as
its controls move. These tests move every control of each widget to several
positions, as a reader would (a slider's keys, a click or a drag, a typed
number, the arrow keys on a handle), and compare every number the widget
shows with nnbook's result for the same inputs, computed here in Python.

A shown number agrees with nnbook's value when it is the text that Python's
format gives for it (the widget formats as Python does: ``f"{v:#.6g}"``,
``f"{v:.2f}"``, ...), or else when it has that format and is nnbook's value
rounded to the digits shown, within a billionth of half a unit in the last
one: JavaScript rounds an exact tie away from zero where Python rounds it to
even, and its exp may differ from numpy's in the last bit, which can tip a
value that sits on a tie. Everything else, one wrong digit included, fails.

Also: each widget starts after instant navigation, follows the dark palette,
fits a phone, and gives way to the static figure in print (on the page made
for printing the whole book, tests/test_browser.py checks that it stands
aside). The site is the session's (tests/conftest.py); Chromium as for
tests/test_browser.py.
"""

import json
import math

import numpy as np
import pytest
from test_browser import (  # skips this module too without Chromium
    ALL_MATH_TYPESET,
    CHROMIUM,
    CHROMIUM_FLAGS,
    PHONE_WIDTH,
    open_page,
)

import nnbook

pytestmark = pytest.mark.browser

from playwright.sync_api import sync_playwright  # noqa: E402

READY = "(w) => w.dataset.state === 'ready'"
SHOWN = """(w) => Object.fromEntries([...w.querySelectorAll('[data-value]')]
  .map((e) => [e.dataset.value, e.textContent]))"""
CENTRE = "(e) => e.scrollIntoView({block: 'center'})"
SET_RANGE = """(input, value) => {
  input.value = String(value);
  input.dispatchEvent(new Event('input', {bubbles: true}));
}"""


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


def last_unit(text):
    """The value of one unit in the last digit of a formatted number."""
    mantissa, _, exponent = text.partition("e")
    decimals = len(mantissa.partition(".")[2])
    return 10.0 ** (int(exponent or 0) - decimals)


def agrees(shown, value, spec):
    """True if ``shown`` is ``value`` formatted with ``spec`` (see the top)."""
    if shown == format(value, spec):
        return True
    number = float(shown)
    return format(number, spec) == shown and abs(number - value) <= 0.5 * last_unit(
        shown
    ) * (1 + 1e-9)


def disagreements(shown, expected):
    """Return the entries of ``expected`` (key: (value, spec)) not shown so."""
    return {
        key: (shown.get(key), format(value, spec))
        for key, (value, spec) in expected.items()
        if key not in shown or not agrees(shown[key], value, spec)
    }


def open_widget(browser, site, page_path, name):
    base, _ = site
    context, page, watch, _ = open_page(browser, base + page_path, base)
    widget = page.locator(f".nnbook-widget[data-widget='{name}']")
    widget.wait_for()
    page.wait_for_function(READY, arg=widget.element_handle(), timeout=10_000)
    data = json.loads(widget.locator("a[href$='.json']").evaluate(
        "(a) => fetch(a.href).then((r) => r.text())"
    ))  # fmt: skip
    return context, page, watch, widget, data


def check_reader_settings(page, widget, name):
    """Labels, keyboard, the dark palette, a phone and print, for one widget.

    Called at the end of each widget's test: it leaves the page dark,
    narrow and printing.
    """
    unlabelled = widget.evaluate("""(w) => [...w.querySelectorAll('input')]
      .filter((i) => !(i.labels && i.labels.length)).map((i) => i.outerHTML)""")
    assert unlabelled == [], "every control needs its label"
    handles = widget.locator("[data-handle][tabindex='0']").count()
    assert handles == {"chain-rule": 0, "descent": 1, "perceptron": 1}[name]
    colour = """(w) => getComputedStyle(w.querySelector(
      '.nnbook-widget__curve, .nnbook-widget__contour, .nnbook-widget__boundary'
    )).stroke"""
    light = widget.evaluate(colour)
    page.locator("label[for='__palette_1']").click()
    page.wait_for_function("() => document.body.dataset.mdColorScheme === 'slate'")
    assert widget.evaluate(colour) != light, "the dark palette left the widget light"
    page.set_viewport_size({"width": PHONE_WIDTH, "height": 844})
    sizes = widget.evaluate("(w) => [w.scrollWidth, w.clientWidth]")
    assert sizes[0] <= sizes[1], f"the widget scrolls sideways on a phone: {sizes}"
    right = widget.evaluate(
        "(w) => Math.max(...[...w.querySelectorAll('svg')].map((s) => "
        "s.getBoundingClientRect().right))"
    )
    assert right <= PHONE_WIDTH
    page.emulate_media(media="print")
    assert widget.evaluate("(w) => getComputedStyle(w).display") == "none"
    assert page.locator(".md-content img").first.is_visible()  # the static one


# -- chapter 4: the chain rule by nudges -------------------------------------------


def chain_rule_expected(data, w2, dw):
    """nnbook's numbers for the output neuron of the chain network at w2, dw."""
    net = nnbook.Network([1, 1, 1])
    net.weights[0][...], net.biases[0][...] = data["w1"], data["b1"]
    net.weights[1][...], net.biases[1][...] = w2, data["b2"]
    x, y = np.array([data["a0"]]), np.array([data["y"]])
    zs, activations = net.forward_trace(x)
    a1, z2, a2 = activations[1].item(), zs[1].item(), activations[2].item()
    assert a1 == data["a1"], "the widget's a1 is not the network's"
    C = net.cost(x, y)
    slope = nnbook.sigmoid_prime(z2)
    product = a1 * slope * (a2 - data["y"])  # (4.10)
    backprop = net.backprop(x, y)[0][1].item()
    net.weights[1][...] = w2 + dw
    ratio = (net.cost(x, y) - C) / dw
    six = "#.6g"
    values = {"w2": w2, "z2": z2, "a2": a2, "C": C, "dz_dw": a1, "da_dz": slope}
    expected = {key: (value, six) for key, value in values.items()}
    expected |= {"dC_da": (a2 - data["y"], six), "product": (product, six)}
    expected |= {"ratio": (ratio, six), "gap": (abs(ratio - product), "#.3g")}
    return expected, backprop


def test_chain_rule_widget_shows_nnbooks_numbers(site, browser):
    context, page, watch, widget, data = open_widget(
        browser, site, "04-backpropagation/", "chain-rule"
    )
    weight = widget.locator("input[data-control='w2']")
    nudge = widget.locator("input[data-control='nudge']")
    # (k, i): w2 = trained + k / 100 and the i-th nudge; k = 0 and i = 1 at first
    for k, i in [(0, 1), (0, 12), (-150, 3), (237, 9), (-300, 0), (300, 12), (45, 6)]:
        if (k, i) != (0, 1):
            weight.evaluate(SET_RANGE, k)
            nudge.evaluate(SET_RANGE, i)
        w2, dw = data["w2"] + k / 100, data["nudges"][i]
        shown = widget.evaluate(SHOWN)
        expected, backprop = chain_rule_expected(data, w2, dw)
        assert float(shown["nudge"]) == dw, shown["nudge"]
        assert disagreements(shown, expected) == {}, (k, i)
        assert agrees(shown["product"], backprop, "#.6g"), "not nnbook's backprop"
    # the keyboard moves the sliders one step at a time
    nudge.focus()
    page.keyboard.press("Home")
    page.keyboard.press("ArrowRight")
    weight.focus()
    page.keyboard.press("ArrowLeft")
    shown = widget.evaluate(SHOWN)
    w2 = data["w2"] + 44 / 100
    expected, _ = chain_rule_expected(data, w2, data["nudges"][1])
    assert disagreements(shown, expected) == {}
    assert shown["w2-shown"] == shown["w2"]  # the slider's own readout
    # the ratio closes in on the product as the nudge shrinks
    shrinking = []
    for i, dw in enumerate(data["nudges"]):
        nudge.evaluate(SET_RANGE, i)
        shown = widget.evaluate(SHOWN)
        expected, _ = chain_rule_expected(data, w2, dw)
        assert disagreements(shown, expected) == {}, dw
        shrinking.append(float(shown["gap"]))
    assert shrinking == sorted(shrinking, reverse=True), shrinking
    check_reader_settings(page, widget, "chain-rule")
    assert watch.problems() == []
    context.close()


# -- chapter 3: gradient descent on the line fit -----------------------------------


def descent_expected(data, start, eta):
    x, y = np.array(data["x"]), np.array(data["y"])
    path = nnbook.fit_line(
        x, y, learning_rate=eta, steps=data["steps"], start=start
    )  # (3.4), from nnbook
    m, c = path[-1]
    lams = np.array(data["eigenvalues"])
    factors = 1 - eta * lams
    expected = {
        "m": (m, "#.5g"),
        "c": (c, "#.5g"),
        "loss": (nnbook.line_loss(path[-1], x, y), "#.5g"),
        "factor_min": (factors[0], "#.4g"),
        "factor_max": (factors[1], "#.4g"),
        "edge": (data["edge"], "#.4g"),
    }
    for key, point in [("distance_start", path[0]), ("distance_end", path[-1])]:
        dm, dc = point - data["best"]
        expected[key] = (math.sqrt(dm * dm + dc * dc), "#.4g")
    return expected


def click_at(page, widget, m, c):
    """Click the contour plot at the point (m, c)."""
    area = widget.locator(".nnbook-widget__area")
    lo_m, hi_m, lo_c, hi_c = map(float, area.get_attribute("data-view").split())
    area.evaluate(CENTRE)  # in view, clear of the page's sticky header
    box = area.bounding_box()
    page.mouse.click(
        box["x"] + (m - lo_m) / (hi_m - lo_m) * box["width"],
        box["y"] + (hi_c - c) / (hi_c - lo_c) * box["height"],
    )


def test_descent_widget_shows_nnbooks_path(site, browser):
    context, page, watch, widget, data = open_widget(
        browser, site, "03-gradient-descent/", "descent"
    )
    x, y = nnbook.noisy_line(30, slope=2.0, intercept=1.0, noise=0.3, seed=0)
    assert data["x"] == x.tolist(), "not chapter 3's points"
    assert data["y"] == y.tolist(), "not chapter 3's points"
    A = np.column_stack([x, np.ones_like(x)])
    np.testing.assert_allclose(data["eigenvalues"], np.linalg.eigvalsh(A.T @ A / 30))
    assert data["edge"] == 2 / data["eigenvalues"][1]  # (3.5)
    eta_input = widget.locator("input[data-control='eta']")
    handle = widget.locator("[data-handle='start']")

    def pick(how, where, keta):
        if how == "click":
            click_at(page, widget, *where)
        elif how == "type":
            for name, value in zip(["m0", "c0"], where):
                field = widget.locator(f"input[data-control='{name}']")
                field.fill(f"{value:.2f}")
                field.press("Tab")  # leaving the field commits the number
        elif how == "keys":
            handle.focus()
            for key in where:
                page.keyboard.press(key)
        eta_input.evaluate(SET_RANGE, keta)

    grown = {}
    moves = [
        ("none", None, 50, (0.0, 2.0)),  # the start of the page
        ("click", (1.0, 1.0), 84, (1.0, 1.0)),  # just below the edge
        ("click", (2.5, 2.8), 85, (2.5, 2.8)),  # just above it
        ("type", (-0.3, 0.4), 100, (-0.3, 0.4)),
        ("keys", ["ArrowRight"] * 3 + ["ArrowUp"] * 2, 5, (-0.15, 0.5)),
        ("click", (1.62, 2.33), 30, (1.6, 2.35)),  # snaps to the 0.05 grid
    ]
    for how, where, keta, start in moves:
        pick(how, where, keta)
        eta = keta / 100
        shown = widget.evaluate(SHOWN)
        assert shown["start"] == f"({start[0]:.2f}, {start[1]:.2f})", (how, where)
        assert shown["eta-shown"] == f"{eta:.2f}"
        expected = descent_expected(data, start, eta)
        assert disagreements(shown, expected) == {}, (how, where, keta)
        verdict = "converges" if eta < data["edge"] else "diverges"
        assert shown["verdict"].startswith(f"The descent {verdict}"), shown["verdict"]
        assert widget.get_attribute("data-verdict") == verdict
        grown[keta] = float(shown["distance_end"]) / float(shown["distance_start"])
    # visibly: below the edge the path closes in on the cross, above it not
    assert grown[50] < 0.02, grown
    assert grown[84] < 1 < grown[85], grown
    assert grown[100] > 1e6, grown
    check_reader_settings(page, widget, "descent")
    assert watch.problems() == []
    context.close()


# -- chapter 2: the perceptron's weight vector and its boundary ---------------------


def perceptron_expected(data, w, b):
    neuron = nnbook.Perceptron(2)
    neuron.w[...], neuron.b = w, b
    wrong = {}
    for name, table in data["gates"].items():
        X, y = nnbook.logic_gate(name)
        assert table == {"X": X.tolist(), "y": y.tolist()}, "not nnbook's gate"
        outputs = neuron.predict(X)  # (1.5)
        wrong[name] = (outputs != y).tolist()
    z = neuron.weighted_input(X)
    texts = {f"z{i}": f"{z[i]:.3f} → {outputs[i]}" for i in range(4)}
    texts |= {"w": f"({w[0]:.3f}, {w[1]:.3f})", "b": f"{b:.3f}"}
    texts |= {f"wrong-{name}": str(sum(flags)) for name, flags in wrong.items()}
    return texts, wrong


def check_perceptron(widget, w, b, data):
    texts, wrong = perceptron_expected(data, w, b)
    shown = widget.evaluate(SHOWN)
    assert {key: shown[key] for key in texts} == texts
    marked = widget.evaluate("""(w) => Object.fromEntries(
      [...w.querySelectorAll('.nnbook-widget__corner')].map((e) =>
        [e.dataset.gate + e.dataset.corner, e.dataset.wrong === 'true']))""")
    assert marked == {
        f"{g}{i}": f for g, flags in wrong.items() for i, f in enumerate(flags)
    }
    # the boundary drawn is w . x + b = 0, at right angles to w
    for line in widget.locator(".nnbook-widget__boundary").all():
        p1, p2, d1, d2 = map(float, line.get_attribute("data-line").split())
        assert abs(w[0] * p1 + w[1] * p2 + b) < 1e-12
        assert abs(w[0] * d1 + w[1] * d2) < 1e-12  # at right angles to w
        assert np.hypot(d1, d2) > 0.99
    tips = {
        h.get_attribute("data-tip") for h in widget.locator("[data-handle='w']").all()
    }
    assert tips == {f"{w[0]:g} {w[1]:g}"}


def test_perceptron_widget_shows_nnbooks_outputs(site, browser):
    context, page, watch, widget, data = open_widget(
        browser, site, "02-perceptron-training/", "perceptron"
    )
    assert (data["w"], data["b"]) == ([1.0, 1.0], -1.5)  # chapter 1's AND
    check_perceptron(widget, [1.0, 1.0], -1.5, data)
    for name, value in [("w1", -0.5), ("w2", 2.0)]:
        field = widget.locator(f"input[data-control='{name}']")
        field.fill(str(value))
        field.press("Tab")
    widget.locator("input[data-control='b']").evaluate(SET_RANGE, 2)  # b = 2/8
    check_perceptron(widget, [-0.5, 2.0], 0.25, data)
    # a corner on the boundary, z = 0, gets the output 0
    for name in ["w1", "w2"]:
        widget.locator(f"input[data-control='{name}']").fill("1")
        widget.locator(f"input[data-control='{name}']").press("Tab")
    widget.locator("input[data-control='b']").evaluate(SET_RANGE, -8)
    check_perceptron(widget, [1.0, 1.0], -1.0, data)
    # drag the tip of w, in the OR panel, to (1.5, -1)
    panel = widget.locator("svg[data-gate='or']")
    panel.evaluate(CENTRE)
    area = panel.locator(".nnbook-widget__area").bounding_box()
    lo, hi = map(
        float,
        panel.locator(".nnbook-widget__area").get_attribute("data-view").split()[:2],
    )

    def at(p, q):
        return (area["x"] + (p - lo) / (hi - lo) * area["width"],
                area["y"] + (hi - q) / (hi - lo) * area["height"])  # fmt: skip

    page.mouse.move(*at(1.0, 1.0))
    page.mouse.down()
    for t in np.linspace(0, 1, 6)[1:]:
        page.mouse.move(*at(1.0 + 0.5 * t, 1.0 - 2.0 * t))
    page.mouse.up()
    check_perceptron(widget, [1.5, -1.0], -1.0, data)
    # the arrow keys on the tip, and on the bias slider
    widget.locator("[data-handle='w'][tabindex]").focus()
    for key in ["ArrowLeft", "ArrowLeft", "ArrowUp"]:
        page.keyboard.press(key)
    widget.locator("input[data-control='b']").focus()
    page.keyboard.press("ArrowRight")
    check_perceptron(widget, [1.25, -0.875], -0.875, data)
    check_reader_settings(page, widget, "perceptron")
    assert watch.problems() == []
    context.close()


# -- every widget: instant navigation, and the helpers of widgets.js ---------------


def test_widgets_start_after_instant_navigation(site, browser):
    base, _ = site
    context, page, watch, _ = open_page(browser, base + "03-gradient-descent/", base)
    page.locator("a.md-footer__link--next[href*='04-backpropagation']").click()
    page.wait_for_url("**/04-backpropagation/")
    page.wait_for_function(ALL_MATH_TYPESET, timeout=15_000)
    widget = page.locator(".nnbook-widget[data-widget='chain-rule']")
    page.wait_for_function(READY, arg=widget.element_handle(), timeout=10_000)
    assert page.evaluate("() => performance.getEntriesByType('navigation').length") == 1
    assert widget.locator("input[type='range']").count() == 2
    page.go_back()
    page.wait_for_url("**/03-gradient-descent/")
    back = page.locator(".nnbook-widget[data-widget='descent']")
    page.wait_for_function(READY, arg=back.element_handle(), timeout=10_000)
    assert back.locator(".nnbook-widget__body").count() == 1  # started once
    assert watch.problems() == []
    context.close()


def test_the_widgets_format_as_python_and_add_as_numpy(site, browser):
    """The helpers of widgets.js on many numbers: Python's text, numpy's sums."""
    base, _ = site
    context = browser.new_context()
    page = context.new_page()
    page.goto(base + "04-backpropagation/", wait_until="domcontentloaded")
    page.wait_for_function("() => window.nnbookWidgets !== undefined")
    rng = np.random.default_rng(0)
    values = rng.normal(size=3000) * 10.0 ** rng.integers(-9, 12, size=3000)
    digits = rng.integers(2, 8, size=3000)
    cases = [[float(v), int(p)] for v, p in zip(values, digits)]
    cases += [[0.0, 6], [-0.0, 6], [123456.0, 6], [1e-5, 3], [999999.5, 6]]
    arrays = [rng.normal(size=n).tolist() for n in (1, 7, 8, 30, 31, 128, 129, 300)]
    shown, means = page.evaluate(
        """([cases, arrays]) => [
          cases.map(([v, p]) => nnbookWidgets.formatG(v, p)),
          arrays.map((a) => nnbookWidgets.mean(a))]""",
        [cases, arrays],
    )
    wrong = [(v, p, s) for (v, p), s in zip(cases, shown) if s != format(v, f"#.{p}g")]
    assert wrong == []  # (random numbers are never exact ties)
    assert means == [np.mean(a) for a in arrays]  # to the last bit
    context.close()


def test_agreement_allows_only_a_rounding_tie():
    assert agrees("0.0383012", 0.03830123, "#.6g")
    assert agrees("0.125", 0.125, ".3f")
    assert agrees("0.13", 0.125, ".2f")  # JavaScript's tie, away from zero
    assert not agrees("0.0383013", 0.03830123, "#.6g")  # one digit wrong
    assert not agrees("0.038301", 0.03830123, "#.6g")  # a digit short
    assert not agrees("1.23e-5", 1.23e-5, "#.3g")  # not Python's format
    assert agrees("1.23e-05", 1.23e-5, "#.3g")
