"""The styles and the small script every app page carries (:func:`kit.toolkit.page.setup` shows them once).

Three jobs, each for every lesson at once:

- **Forms read as one column.** A text box, a text area or a list has its
  label above it, so every box starts at the same left edge; typed text and
  placeholders use the page's font; a button is as wide as its words, never
  the width of the page.
- **A phone works** (390 px wide and up): rows wrap, labels wrap instead of
  being cut off, every button, box and answer is at least 44 px tall, and a
  table that cannot fit scrolls inside its own box rather than the page.
- **Landmarks and tables are right for screen readers.** The script names the
  page's content as its main landmark, turns a table whose header row is
  empty (a Markdown table of labels and values, such as a lesson's
  objectives) into one with row headers, and makes a table's box reachable
  with the keyboard whenever it scrolls, with the table's caption as its name.
"""

from __future__ import annotations

#: Below this width (px) the page is laid out for a phone.
PHONE_MAX = 600

#: Colours checked for WCAG AA contrast (4.5:1 or better) on white.
STYLE = """
<style>
.kit-notice { padding: 0.6em 0.9em; border-left: 5px solid #1d4f91; background: #eef3fa;
  color: #10243f; margin: 0.4em 0; border-radius: 3px; overflow-wrap: break-word; }
.kit-success { border-color: #1b6e3a; background: #ecf6ef; color: #0f3d20; }
.kit-warning { border-color: #8a5a00; background: #fdf5e4; color: #4a3000; }
.kit-error { border-color: #a4161a; background: #fdecec; color: #5c0a0c; }
.kit-cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(260px, 100%), 1fr)); gap: 0.8em; }
.kit-card { border: 1px solid #8a94a6; border-radius: 6px; padding: 0.7em 0.9em; background: #fff; color: #1a1a1a; }
.kit-card h3 { margin: 0 0 0.3em 0; font-size: 1.05em; }
.kit-card a { color: #1d4f91; font-weight: 600; }
a.kit-download { color: #1d4f91; font-weight: 600; text-decoration: underline; }
a.kit-download:hover { color: #10243f; }
.kit-card .kit-meta { color: #4a4f57; font-size: 0.9em; }
.kit-soon { background: #f4f5f7; }
table.kit-table { border-collapse: collapse; margin: 0.5em 0; }
table.kit-table th, table.kit-table td,
.jp-RenderedHTMLCommon table.kit-table th, .jp-RenderedHTMLCommon table.kit-table td {
  border: 1px solid #c4c9d1; padding: 0.3em 0.6em; text-align: left; vertical-align: top; }
table.kit-table th { background: #eef1f5; color: #1a1a1a; }
table.kit-table caption { text-align: left; font-weight: 600; padding: 0.2em 0; color: #1a1a1a; }
.kit-scroll { overflow-x: auto; max-width: 100%; }
.kit-scroll:focus-visible { outline: 3px solid #1d4f91; outline-offset: 2px; }
.jp-RenderedHTMLCommon table.kit-keyvalue th[scope="row"] { text-align: left; vertical-align: top;
  white-space: nowrap; }
.kit-steps td:last-child, .kit-steps th:last-child { text-align: right; white-space: nowrap; }
.lm-TabBar-tab .lm-TabBar-tabLabel, .jupyter-widget-Collapse-header, .jupyter-widget-Collapse-header span {
  color: #1a1a1a !important; }
.lm-TabBar-tab { background: #eef1f5; }
.jupyter-widgets button:focus-visible, .jupyter-widgets input:focus-visible,
.jupyter-widgets select:focus-visible, .jupyter-widgets textarea:focus-visible,
.noUi-handle:focus-visible { outline: 3px solid #1d4f91; outline-offset: 2px; }

/* Long words, paths and links wrap instead of pushing the page wider. */
.jp-RenderedHTMLCommon p, .jp-RenderedHTMLCommon li, .jp-RenderedHTMLCommon td,
.jp-RenderedHTMLCommon th, .widget-html-content { overflow-wrap: break-word; }
.jp-RenderedHTMLCommon code { overflow-wrap: anywhere; }
.jupyter-widgets.widget-html, .jupyter-widgets.widget-htmlmath { max-width: 100%; min-width: 0; }
.widget-html > .widget-html-content, .widget-htmlmath > .widget-html-content { min-width: 0; max-width: 100%;
  flex: 1 1 auto; line-height: 1.45; }
.jp-RenderedHTMLCommon img, .widget-html-content img { max-width: 100%; height: auto; }
.jp-OutputArea-output pre { white-space: pre-wrap; overflow-wrap: break-word; }

/* Forms: a label above its box, so every box starts at the same left edge. */
.jupyter-widgets.widget-inline-hbox.widget-text, .jupyter-widgets.widget-inline-hbox.widget-textarea,
.jupyter-widgets.widget-inline-hbox.widget-dropdown, .jupyter-widgets.widget-inline-hbox.widget-combobox,
.jupyter-widgets.widget-inline-hbox.widget-datepicker {
  flex-direction: column; flex-wrap: nowrap !important; align-items: stretch; height: auto !important;
  max-width: 100%; }
.widget-textarea > textarea { min-height: 4.5em; }
.widget-text > .widget-label, .widget-textarea > .widget-label,
.widget-dropdown > .widget-label, .widget-combobox > .widget-label, .widget-datepicker > .widget-label {
  width: auto !important; max-width: 100%; height: auto; min-height: 0; line-height: 1.4; text-align: left;
  white-space: normal; overflow: visible; text-overflow: clip; margin: 0.3em 0 0.2em 0; font-weight: 600;
  color: #1a1a1a; }
.widget-text > input, .widget-textarea > textarea, .widget-dropdown > select, .widget-combobox > input {
  flex: 0 0 auto; width: 100%; max-width: 100%; box-sizing: border-box; margin: 0; }
.widget-dropdown > select { max-width: 40em; }
.widget-datepicker > input { flex: 0 0 auto; max-width: 100%; box-sizing: border-box; margin: 0; }
.widget-text > input, .widget-dropdown > select, .widget-combobox > input, .widget-datepicker > input {
  min-height: var(--jp-widgets-inline-height, 28px); }
.jupyter-widgets input, .jupyter-widgets textarea, .jupyter-widgets select,
.jupyter-widgets input::placeholder, .jupyter-widgets textarea::placeholder {
  font-family: var(--jp-ui-font-family, system-ui, sans-serif); }
.jupyter-widgets textarea { line-height: 1.4; }
.jupyter-widgets input::placeholder, .jupyter-widgets textarea::placeholder { color: #5f6670; opacity: 1; }

/* A button is as wide as its words; several in a row wrap onto the next line. */
.widget-vbox > .jupyter-button, .widget-box > .jupyter-button { align-self: flex-start; }
.widget-hbox { flex-wrap: wrap; }
.widget-hbox > .jupyter-button { align-self: flex-end; }
.jupyter-button { max-width: 100%; flex-shrink: 0; }
.widget-radio-box label, .widget-checkbox .widget-label-basic, .widget-checkbox label {
  white-space: normal; height: auto; line-height: 1.4; }
.widget-radio-box label { display: flex; align-items: flex-start; min-height: var(--jp-widgets-radio-item-height, 24px);
  padding: 0.1em 0; }
.widget-radio-box label > input { order: -1; flex: 0 0 auto; float: none; height: 1.4em; margin-top: 0; }
.widget-radio-box label span, .widget-checkbox label span { white-space: normal; overflow: visible;
  text-overflow: clip; }
details > summary { cursor: pointer; }

/* Phones: one column, nothing cut off, and every target at least 44 px tall. */
@media (max-width: PHONE_MAXpx) {
  #rendered_cells { padding-left: 4px; padding-right: 4px; }
  .jp-Cell { padding-left: 2px; padding-right: 2px; }
  .jupyter-widgets.widget-inline-hbox { flex-wrap: wrap; height: auto; max-width: 100%; }
  .jupyter-widgets.widget-inline-hbox > .widget-label { width: 100% !important; max-width: 100%; white-space: normal;
    overflow: visible; text-overflow: clip; height: auto; line-height: 1.4; text-align: left; }
  .jupyter-widgets.widget-inline-hbox.widget-checkbox > .widget-label { width: 0 !important; }
  .jupyter-widgets { max-width: 100%; }
  .widget-box, .widget-hbox, .widget-vbox { max-width: 100%; min-width: 0; }
  .jupyter-button { height: auto; min-height: 44px; white-space: normal; overflow: visible; text-overflow: clip;
    line-height: 1.3; padding-top: 0.4em; padding-bottom: 0.4em; }
  .jupyter-widgets input:not([type="checkbox"]):not([type="radio"]), .jupyter-widgets select,
  .jupyter-widgets textarea { min-height: 44px; font-size: 16px; }
  .jupyter-widgets select[multiple] { min-height: 88px; }
  .widget-radio-box label, .widget-checkbox label { min-height: 44px; display: flex; align-items: center; }
  .widget-radio-box label > input { height: 1.4em; }
  .widget-radio-box { flex-wrap: wrap; }
  details > summary { min-height: 44px; box-sizing: border-box; padding: 0.6em 0; }
  a.kit-download, .kit-card > a { display: inline-flex; align-items: center; min-height: 44px; }
  .kit-downloads { line-height: 2.2; }
  .lm-TabBar-content { flex-wrap: wrap; }
  .lm-TabBar-tab { min-height: 44px; max-width: none; flex: 0 1 auto; }
  .widget-tab > .lm-TabBar, .jupyter-widgets.widget-tab > .p-TabBar { height: auto; min-height: 44px; }
  .jp-RenderedHTMLCommon table.kit-keyvalue, .jp-RenderedHTMLCommon table.kit-keyvalue tbody,
  .jp-RenderedHTMLCommon table.kit-keyvalue tr, .jp-RenderedHTMLCommon table.kit-keyvalue th,
  .jp-RenderedHTMLCommon table.kit-keyvalue td { display: block; width: auto; white-space: normal; }
  .jp-RenderedHTMLCommon table.kit-keyvalue tr { margin-bottom: 0.6em; border: 0; }
  .jp-RenderedHTMLCommon table.kit-keyvalue th[scope="row"] { border: 0; padding: 0.2em 0; }
  .jp-RenderedHTMLCommon table.kit-keyvalue td { border: 0; padding: 0 0 0.3em 0; }
}
</style>
""".replace("PHONE_MAX", str(PHONE_MAX))

#: Run once per page; repeats its work (debounced) whenever the page changes or is resized.
SCRIPT = """
<script>
(function () {
  if (window.__kitPage) { return; }
  window.__kitPage = true;
  function main() {
    var cells = document.getElementById('rendered_cells');
    if (cells && !cells.getAttribute('role')) { cells.setAttribute('role', 'main'); }
  }
  function rowHeaders(table) {
    var head = table.tHead;
    if (!head || table.classList.contains('kit-keyvalue')) { return; }
    var cells = Array.prototype.slice.call(head.querySelectorAll('th, td'));
    if (!cells.length || cells.some(function (c) { return c.textContent.trim(); })) { return; }
    table.removeChild(head);
    Array.prototype.forEach.call(table.querySelectorAll('tbody > tr'), function (row) {
      var first = row.cells[0];
      if (!first || first.tagName !== 'TD') { return; }
      var th = document.createElement('th');
      th.setAttribute('scope', 'row');
      while (first.firstChild) { th.appendChild(first.firstChild); }
      row.replaceChild(th, first);
    });
    table.classList.add('kit-keyvalue');
  }
  function boxed(table) {
    var parent = table.parentElement;
    if (!parent || parent.classList.contains('kit-scroll') || table.classList.contains('kit-keyvalue')) {
      return parent;
    }
    var box = document.createElement('div');
    box.className = 'kit-scroll';
    parent.insertBefore(box, table);
    box.appendChild(table);
    return box;
  }
  function reachable(box, table) {
    if (!box || !box.classList.contains('kit-scroll')) { return; }
    if (box.scrollWidth > box.clientWidth + 1) {
      if (box.getAttribute('tabindex') === null) { box.setAttribute('tabindex', '0'); box.dataset.kitFocus = '1'; }
      if (!box.getAttribute('role')) { box.setAttribute('role', 'region'); box.dataset.kitFocus = '1'; }
      if (!box.getAttribute('aria-label')) {
        var caption = table.caption ? table.caption.textContent.trim() : '';
        var label = (caption || 'Table') + ' (scrolls sideways)', name = label, n = 1;
        while (document.querySelector('[role="region"][aria-label="' + name.replace(/"/g, '\\"') + '"]')) {
          n += 1; name = label + ' ' + n;
        }
        box.setAttribute('aria-label', name);
      }
    } else if (box.dataset.kitFocus) {
      box.removeAttribute('tabindex'); box.removeAttribute('role'); box.removeAttribute('aria-label');
      delete box.dataset.kitFocus;
    }
  }
  function tidy() {
    main();
    Array.prototype.forEach.call(document.querySelectorAll('#rendered_cells table'), function (table) {
      rowHeaders(table);
      reachable(boxed(table), table);
    });
  }
  var pending = null;
  function soon() { if (pending === null) { pending = setTimeout(function () { pending = null; tidy(); }, 60); } }
  new MutationObserver(soon).observe(document.body, {childList: true, subtree: true, characterData: true});
  window.addEventListener('resize', soon);
  tidy();
})();
</script>
"""
