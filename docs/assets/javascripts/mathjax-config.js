// MathJax 3 configuration. The script itself is served by this site
// (docs/assets/vendor/mathjax, see scripts/vendor_mathjax.sh): no CDN.
//
// Typesetting happens in exactly one place: when Material announces a page
// (document$, on the first load and after every instant navigation), and
// only once MathJax has finished starting up. MathJax's own start-up typeset
// is switched off, because running both races and can leave macros that are
// loaded on first use (\boldsymbol, \cancel, ...) untypeset.
let markMathJaxReady;
const mathJaxReady = new Promise((resolve) => {
  markMathJaxReady = resolve;
});

window.MathJax = {
  // startup.js loads these components, in parallel (see vendor_mathjax.sh).
  loader: {
    load: ["input/tex", "output/chtml", "a11y/assistive-mml"],
  },
  tex: {
    // \( \) and \[ \] come from Arithmatex; a dollar sign is just a dollar.
    inlineMath: [["\\(", "\\)"]],
    displayMath: [["\\[", "\\]"]],
    processEscapes: true,
    processEnvironments: true,
  },
  options: {
    // Only Arithmatex output holds maths. An element is skipped when its
    // class matches ignoreHtmlClass and not processHtmlClass; an element
    // without a class follows its parent.
    ignoreHtmlClass: ".+",
    processHtmlClass: "arithmatex",
  },
  startup: {
    typeset: false,
    ready() {
      MathJax.startup.defaultReady();
      MathJax.startup.promise.then(markMathJaxReady);
    },
  },
};

// <html data-mathjax="pending|typeset"> tells the browser tests (and anyone
// curious) when the maths of the current page is done; the performance mark
// "nnbook:typeset" records when, for the page-budget report.
let typesetDone = mathJaxReady;
document$.subscribe(() => {
  document.documentElement.dataset.mathjax = "pending";
  typesetDone = typesetDone
    .then(() => {
      MathJax.startup.output.clearCache();
      MathJax.typesetClear();
      MathJax.texReset();
      return MathJax.typesetPromise();
    })
    .catch((error) => console.error("MathJax typesetting failed:", error))
    .finally(() => {
      document.documentElement.dataset.mathjax = "typeset";
      performance.mark("nnbook:typeset");
    });
});
