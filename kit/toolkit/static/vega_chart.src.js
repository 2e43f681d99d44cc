// The browser half of kit.toolkit.VegaChart: draws a Vega-Lite chart inside an accessible figure.
// scripts/build-vega-bundle.py bundles this file with Vega, Vega-Lite and Vega-Embed (vegaEmbed) into
// vega_chart.js, which the widget sends to the page, so charts draw offline.
async function render({ model, el }) {
  const figure = document.createElement("figure");
  figure.className = "kit-chart kit-vega-chart";
  const caption = document.createElement("figcaption");
  const picture = document.createElement("div");
  picture.setAttribute("role", "img");  // the picture is read as one image, by its text alternative
  picture.className = "kit-vega-picture";
  const numbers = document.createElement("details");
  const summary = document.createElement("summary");
  summary.textContent = "The numbers behind this chart";
  const table = document.createElement("div");
  numbers.append(summary, table);
  figure.append(caption, picture, numbers);
  el.append(figure);
  let view = null;
  let drawn = 0;

  async function draw() {
    caption.textContent = model.get("caption");
    caption.hidden = !model.get("caption");
    picture.setAttribute("aria-label", model.get("alt"));
    table.innerHTML = model.get("table_html");  // made by the kit, every user text escaped
    numbers.hidden = !model.get("table_html");
    const spec = model.get("spec");
    if (view) {
      view.finalize();
      view = null;
    }
    const target = document.createElement("div");  // Vega labels its own element; the picture keeps alt
    picture.replaceChildren(target);
    if (Object.keys(spec).length) {
      view = (await vegaEmbed(target, spec, { actions: false, renderer: "svg" })).view;
      const svg = target.querySelector("svg");
      if (svg) {
        Object.assign(svg.style, { maxWidth: "100%", height: "auto" });  // narrow screens shrink it
        svg.setAttribute("aria-hidden", "true");  // read once, as the picture's text alternative
      }
    }
    drawn += 1;
    figure.dataset.drawn = String(drawn);  // browser tests wait for a redraw
  }

  // One update from the kernel sets all four values; draw once, after the last of them.
  let pending = false;
  function schedule() {
    if (pending) return;
    pending = true;
    queueMicrotask(() => {
      pending = false;
      draw();
    });
  }
  const names = ["spec", "alt", "caption", "table_html"];
  for (const name of names) model.on(`change:${name}`, schedule);
  await draw();
  return () => {
    for (const name of names) model.off(`change:${name}`, schedule);
    if (view) view.finalize();
  };
}

export default { render };
