// The browser half of kit.toolkit.DownloadLinks: a row of links; a click asks the kernel for the
// file, which comes back as bytes and is saved by the browser under the link's file name.
function render({ model, el }) {
  const row = document.createElement("p");
  row.className = "kit-downloads";
  const status = document.createElement("span");
  status.className = "kit-download-status";
  status.setAttribute("role", "status");  // "Preparing…" is read aloud
  const problem = document.createElement("div");
  problem.setAttribute("role", "alert");  // a file that could not be made, in the kit's error style
  problem.hidden = true;
  el.append(row, status, problem);
  const waiting = new Map();  // file name -> [link, its timers], for the files this view asked for

  function draw() {
    const files = model.get("files");
    const links = files.map(({ name, label }) => {
      const link = document.createElement("a");
      link.className = "kit-download";
      link.href = "#";
      link.download = name;
      link.textContent = label;
      link.addEventListener("click", (event) => {
        event.preventDefault();
        ask(name, label, link);
      });
      return link;
    });
    row.replaceChildren(...links.flatMap((link, i) => (i ? [" · ", link] : [link])));
    row.hidden = !files.length;
  }

  function ask(name, label, link) {
    if (waiting.has(name)) return;  // already on its way
    link.setAttribute("aria-busy", "true");
    status.textContent = "";
    problem.hidden = true;
    // Most files arrive at once; say so only when one takes a moment (a PDF).
    const timer = setTimeout(() => { status.textContent = `Preparing "${label}"…`; }, 400);
    // No answer at all means the page lost its kernel (a server restart, a long idle).
    const lost = setTimeout(() => {
      finished(name);
      show(`The kit did not answer, so "${label}" could not be made. Reload the page (your saved work ` +
           "comes back) and try again.");
    }, 60_000);
    waiting.set(name, [link, timer, lost]);
    model.send({ want: name });
  }

  function finished(name) {
    const entry = waiting.get(name);
    if (!entry) return;
    const [link, ...timers] = entry;
    timers.forEach(clearTimeout);
    link.removeAttribute("aria-busy");
    waiting.delete(name);
    status.textContent = "";
  }

  function show(problemText) {
    problem.className = "kit-notice kit-error";
    problem.textContent = problemText;
    problem.hidden = false;
  }

  function save(name, mime, buffer) {
    const url = URL.createObjectURL(new Blob([buffer], { type: mime }));
    const link = document.createElement("a");
    link.href = url;
    link.download = name;
    link.hidden = true;
    el.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);  // time for the browser to read it
  }

  function received(message, buffers) {
    if (!waiting.has(message.name)) return;  // another view of the same row asked (JupyterLab can show two)
    finished(message.name);
    if (message.error) {
      show(message.error);
      return;
    }
    save(message.name, message.mime, buffers[0]);
  }

  model.on("change:files", draw);
  model.on("msg:custom", received);
  draw();
  return () => {
    model.off("change:files", draw);
    model.off("msg:custom", received);
  };
}

export default { render };
