"""What every app page shows once at the top: the kit's styles and helpers."""

from __future__ import annotations

from IPython.display import HTML, display

# Colours checked for WCAG AA contrast (4.5:1 or better) on white.
STYLE = """
<style>
.kit-notice { padding: 0.6em 0.9em; border-left: 5px solid #1d4f91; background: #eef3fa;
  color: #10243f; margin: 0.4em 0; border-radius: 3px; }
.kit-success { border-color: #1b6e3a; background: #ecf6ef; color: #0f3d20; }
.kit-warning { border-color: #8a5a00; background: #fdf5e4; color: #4a3000; }
.kit-error { border-color: #a4161a; background: #fdecec; color: #5c0a0c; }
.kit-cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(260px, 1fr)); gap: 0.8em; }
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
  border: 1px solid #c4c9d1; padding: 0.3em 0.6em; text-align: left; }
table.kit-table th { background: #eef1f5; color: #1a1a1a; }
.lm-TabBar-tab .lm-TabBar-tabLabel, .jupyter-widget-Collapse-header, .jupyter-widget-Collapse-header span { color: #1a1a1a !important; }
.lm-TabBar-tab { background: #eef1f5; }
.jupyter-widgets button:focus-visible, .jupyter-widgets input:focus-visible,
.jupyter-widgets select:focus-visible, .jupyter-widgets textarea:focus-visible,
.noUi-handle:focus-visible { outline: 3px solid #1d4f91; outline-offset: 2px; }
</style>
"""


def setup() -> None:
    """Show the kit's page styles; call once in the first code cell of a lesson."""
    display(HTML(STYLE))
