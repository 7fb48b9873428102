"""How a calculator page talks to its Python worker, and the states a form goes through.

Declared once here. The build writes PROTOCOL into templates/static/calculator.js (the page)
and calc-worker.js (the worker) as the constant `PROTOCOL`; both build and check every message
against it, and calc/browser.py returns the REPLY fields.

Form states (`data-state` on each `<form data-calculator>`; the page contract names them):

    static   prerendered results for the inputs on screen; Python not loaded. A guide's forms
             stay here until the reader shows intent (focus, pointer, key or change in the form);
             a calculator's own page leaves it at once.
    loading  a computation (or Python's start) is under way; a <progress> in the form shows how
             far the start is. The results on screen are those of the last shown inputs.
    live     the results on screen were computed in this browser for the inputs on screen.
    invalid  some input is invalid: its message is shown beside it and the outputs are cleared.
    error    Python could not start, stopped, or failed on these inputs. The form shows the last
             results it showed together with the inputs they were computed for (the prerendered
             pair when nothing was computed), and a plain note; the traceback goes to the console.
             When the runtime itself is gone, the inputs are disabled and the note offers to try
             again; when only one computation failed, the next edit tries again.

The address (calculator pages only) is written only with inputs whose results are on screen.

Runtime (one worker per page, shared by every form on it):

    idle -> starting -> ready; a worker that dies, or does not answer a computation within
    compute_timeout_ms, is replaced once (its forms keep their state and their requests are sent
    again); a second loss, a failed start, or a start slower than start_timeout_ms is a runtime
    failure: every form goes to `error`. A failed start caused by a missing file (a page from an
    older deploy) reloads the page once instead.

Messages (the `type` field names one; the other fields are listed with it):
"""

from __future__ import annotations

import json

# Page -> worker.
COMPUTE = "compute"  # seq: number, form: index of the form on the page, calculator: id, inputs: {field: text}

# Worker -> page.
PROGRESS = "progress"  # step: one of START_STEPS, loaded: bytes so far, total: bytes expected
READY = "ready"  # python_from: "snapshot" (restored from Cache Storage) or "ordinary start"
SNAPSHOT_KEPT = "snapshot-kept"  # after an ordinary start: the snapshot for later pages is stored
START_FAILED = "start-failed"  # reason: plain words for readers, missing_file: true when a file was 404, detail: for the console
RESULT = "result"  # seq, form, reply: REPLY_FIELDS
COMPUTE_FAILED = "compute-failed"  # seq, form, detail: the Python traceback, for the console

MESSAGES: dict[str, tuple[str, ...]] = {
    COMPUTE: ("seq", "form", "calculator", "inputs"),
    PROGRESS: ("step", "loaded", "total"),
    READY: ("python_from",),
    SNAPSHOT_KEPT: (),
    START_FAILED: ("reason", "missing_file", "detail"),
    RESULT: ("seq", "form", "reply"),
    COMPUTE_FAILED: ("seq", "form", "detail"),
}

# What calc.browser.compute_json returns for one computation.
REPLY_FIELDS = ("state", "html", "summary", "errors")

# The steps of a start, in order, as the progress note names them.
START_STEPS = {
    "download": "Downloading the calculator",
    "start": "Starting Python",
    "import": "Loading the calculators",
}

# The Cache Storage cache that holds Pyodide, the hashed assets and the Python snapshot the worker
# makes after its first start (the service worker and the worker both open it).
FILES_CACHE = "files"

# The message a page sends its service worker once Python is up: keep this build's files (they
# are in the HTTP cache by then), so later pages and offline visits need no network.
KEEP_FILES = "keep-files"

# "Save this site for offline use": the page asks its service worker to keep every page and file of
# this build, and the worker answers on the message's port with what it kept.
SAVE_SITE = "save-site"
SITE_SAVED = "site-saved"  # pages: how many pages were kept, files: how many files, failed: how many could not be fetched

# Defaults of the page's settings (data attributes of the runtime script; tests shorten them).
SETTINGS = {
    "start_timeout_ms": 60000,  # a start slower than this is a failure (slow 4G needs ~30 s)
    "compute_timeout_ms": 10000,  # a computation slower than this means the worker is stuck
}


def protocol_json() -> str:
    """The declaration as the JSON the build writes into the two scripts."""
    return json.dumps(
        {"messages": MESSAGES, "reply": list(REPLY_FIELDS), "steps": START_STEPS, "files_cache": FILES_CACHE,
         "keep_files": KEEP_FILES, "save_site": SAVE_SITE, "site_saved": SITE_SAVED},
        sort_keys=True,
    )
