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
  tex: {
    inlineMath: [["\\(", "\\)"]],
    displayMath: [["\\[", "\\]"]],
    processEscapes: true,
    processEnvironments: true,
  },
  options: {
    // Only Arithmatex output and rendered notebook Markdown hold maths.
    ignoreHtmlClass: ".*",
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

let typesetDone = mathJaxReady;
document$.subscribe(() => {
  typesetDone = typesetDone
    .then(() => {
      MathJax.startup.output.clearCache();
      MathJax.typesetClear();
      MathJax.texReset();
      return MathJax.typesetPromise();
    })
    .catch((error) => console.error("MathJax typesetting failed:", error));
});
