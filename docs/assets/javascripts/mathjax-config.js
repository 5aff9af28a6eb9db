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
    // \( \) and \[ \] come from Arithmatex on the pages; $ and $$ from
    // the Markdown cells of the lab notebooks (only these two kinds of
    // elements are processed, so a dollar sign in prose is left alone).
    inlineMath: [["\\(", "\\)"], ["$", "$"]],
    displayMath: [["\\[", "\\]"], ["$$", "$$"]],
    processEscapes: true,
    processEnvironments: true,
  },
  options: {
    // Only Arithmatex output and rendered notebook Markdown hold maths.
    // An element is skipped when its class matches ignoreHtmlClass and not
    // processHtmlClass; an element without a class follows its parent. The
    // pattern must not match an empty class (as ".*" or ".*|" would), or the
    // plain <p> inside a notebook cell would be skipped.
    ignoreHtmlClass: ".+",
    processHtmlClass: "arithmatex|jp-RenderedMarkdown|jp-MarkdownOutput",
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
