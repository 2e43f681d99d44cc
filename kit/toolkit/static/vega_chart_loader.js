// The browser half of kit.toolkit.VegaChart under `kit serve`: instead of every chart carrying the
// 900 KB of Vega code in its state, the page fetches vega_chart.js once from the server (Voilà serves
// kit/toolkit/static at voila/labextensions/) and every chart on the page shares it.
// kit-chart-code-loader (the load test looks for this name to fetch the code as a browser does)
let loading = null;

function chartCode() {
  if (!loading) {
    const config = JSON.parse(document.getElementById("jupyter-config-data")?.textContent || "{}");
    const base = config.fullLabextensionsUrl || "/voila/labextensions";
    loading = import(new URL(`${base}/vega_chart.js`, document.baseURI).href);
    loading.catch(() => { loading = null; });  // the next chart tries again
  }
  return loading;
}

async function render(context) {
  let code;
  try {
    code = await chartCode();
  } catch (error) {
    const problem = document.createElement("p");
    problem.setAttribute("role", "alert");
    problem.className = "kit-chart-problem";
    problem.textContent = "This chart could not be drawn: the page did not get its chart code from the "
      + `server. What it shows: ${context.model.get("alt")} Reload the page to try again.`;
    context.el.append(problem);
    return () => problem.remove();
  }
  return code.default.render(context);
}

export default { render };
