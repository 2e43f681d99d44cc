"""File uploads with a stated size limit, refused in the browser before they are sent.

An upload travels to the kernel as one websocket message, and the server
drops a message over 10 MiB: the page then loses its connection with no word
to the attendee. So every upload says its limit in its label, and a small
script in the page checks each chosen file's size before the widget reads it.
A file over the limit never leaves the browser; a message next to the button
names the file, its size, the limit and what to do instead (the button's
tooltip). The kernel checks the size again, in case the script did not run.
"""

from __future__ import annotations

import ipywidgets as widgets
from IPython.display import HTML, display

LIMIT_BYTES = 10_000_000  # under the server's 10 MiB websocket message limit, with room for the envelope
LIMIT_TEXT = "10 MB"

# Voilà's upload button reads its (detached) file input on "change". This wraps
# that listener: a file over the limit is refused with a visible, announced
# message beside the last upload button used, and the input is emptied.
_SCRIPT = """
<script>
(function () {
  if (window.__kitUploadLimit) { return; }
  window.__kitUploadLimit = true;
  var LIMIT = %(limit)d, LIMIT_TEXT = "%(limit_text)s", lastButton = null;
  function size(bytes) { return (bytes / 1e6).toFixed(1) + " MB"; }
  function say(button, text) {
    if (!button) { return; }
    var box = button.nextElementSibling;
    if (!box || !box.classList.contains('kit-upload-refused')) {
      box = document.createElement('div');
      box.className = 'kit-notice kit-error kit-upload-refused';
      box.setAttribute('role', 'alert');
      button.insertAdjacentElement('afterend', box);
    }
    box.textContent = text;
    box.style.display = text ? '' : 'none';
  }
  document.addEventListener('click', function (event) {
    var button = event.target.closest && event.target.closest('.widget-upload');
    if (button) { lastButton = button; }
  }, true);
  var add = EventTarget.prototype.addEventListener;
  EventTarget.prototype.addEventListener = function (type, listener, options) {
    if (type === 'change' && this instanceof HTMLInputElement && this.type === 'file'
        && typeof listener === 'function') {
      var input = this, original = listener;
      listener = function () {
        var big = Array.from(input.files || []).filter(function (f) { return f.size > LIMIT; });
        var button = lastButton;
        if (big.length) {
          var fix = (button && button.getAttribute('title')) || '';
          say(button, big[0].name + ' is ' + size(big[0].size) + ': files of up to ' + LIMIT_TEXT +
              ' can be uploaded here, so it was not sent. ' + fix);
          input.value = '';
          return undefined;
        }
        say(button, '');
        return original.apply(this, arguments);
      };
    }
    return add.call(this, type, listener, options);
  };
})();
</script>
""" % {"limit": LIMIT_BYTES, "limit_text": LIMIT_TEXT}
_script_shown = False


def file_upload(description: str, too_big: str, accept: str = ".csv,text/csv") -> widgets.FileUpload:
    """An upload button for one file, labelled with the size limit.

    Parameters
    ----------
    description : what the button says, such as "Upload a CSV file"; ", up to 10 MB" is added.
    too_big : what to do with a file over the limit, in plain words; shown with the
        refusal and as the button's tooltip.
    """
    global _script_shown
    if not _script_shown:
        display(HTML(_SCRIPT))
        _script_shown = True
    return widgets.FileUpload(accept=accept, multiple=False, description=f"{description}, up to {LIMIT_TEXT}",
                              tooltip=too_big, layout=widgets.Layout(width="auto"))


def uploaded_file(upload: widgets.FileUpload) -> tuple[str, bytes]:
    """The name and bytes of the file in an upload widget, or a plain error if there is none or it is too big."""
    files = upload.value
    if not files:
        raise ValueError("Choose a file first, with the Upload button.")
    item = files[0]
    content = bytes(item["content"])
    if len(content) > LIMIT_BYTES:
        raise ValueError(f"{item['name']} is {len(content) / 1e6:.1f} MB; files of up to {LIMIT_TEXT} can be "
                         "uploaded here. Save a smaller file with only the rows and columns you need.")
    return item["name"], content
