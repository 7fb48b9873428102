"""How a calculator page talks to its Python worker, and the states a form goes through.

Declared once here, as data: message types and their fields, form and runtime states, the
start parameters, the settings, cache names and path prefixes. The build emits them as one
generated JavaScript module, the asset protocol.mjs (`javascript_module`; there is no
protocol.mjs in templates/static): calculator.js, calc-worker.js, protocol-messages.mjs (which
checks every message against MESSAGE_FIELDS) and site.js import it, and name these values only
through its constants. The service worker (sw.js) is a classic script, because a module service
worker needs Firefox 147 or newer: the build writes the same declarations into it, with this
build's file lists, at its one marker, `/*CONSTANTS*/` (site_builder/assets.py, the only place
the build fills anything into a script). calc/browser.py returns the REPLY_FIELDS.

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
    failure (`failed`): every form goes to `error`. The worker checks the HTTP status of every
    download of its start itself (Pyodide only logs a wasm it could not load, and would wait
    forever), so a missing file fails the start within seconds; one caused by a 404 (a page from
    an older deploy) reloads the page once instead.

Messages (the `type` field names one; the other fields are listed with it):
"""

from __future__ import annotations

import json
import re

MESSAGES: dict[str, tuple[str, ...]] = {
    # Page -> worker. form: index of the form on the page, inputs: {field: text}, today: the
    # reader's date (YYYY-MM-DD, their clock), so no date already past is given as advice.
    "compute": ("seq", "form", "calculator", "inputs", "today"),
    # Worker -> page.
    "progress": ("step", "loaded", "total"),  # step: one of START_STEPS; bytes so far, expected
    "ready": ("python_from",),  # one of PYTHON_FROM
    "snapshot-kept": (),  # after an ordinary start: the snapshot for later pages is stored
    # reason: plain words for readers, missing_file: true when a file was 404, detail: console.
    "start-failed": ("reason", "missing_file", "detail"),
    "result": ("seq", "form", "reply"),  # reply: REPLY_FIELDS
    "compute-failed": ("seq", "form", "detail"),  # detail: the Python traceback, for the console
    # Page -> service worker, once Python is up: keep this build's files (they are in the HTTP
    # cache by then), so later pages and offline visits need no network.
    "keep-files": (),
    # "Save this site for offline use": keep every page and file of this build; the service
    # worker answers on the message's port with how many pages and files it kept, and how many
    # downloads failed.
    "save-site": (),
    "site-saved": ("pages", "files", "failed"),
}

# What calc.browser.compute_json returns for one computation.
REPLY_FIELDS = ("state", "html", "summary", "errors")

FORM_STATES = ("static", "loading", "live", "invalid", "error")  # see the docstring
RUNTIME_STATES = ("idle", "starting", "ready", "failed")
# Where the worker's Python came from: restored from the snapshot in Cache Storage, or started.
PYTHON_FROM = ("snapshot", "ordinary start")

# The steps of a start, in order, as the progress note names them.
START_STEPS = {
    "download": "Downloading the calculator",
    "start": "Starting Python",
    "import": "Loading the calculators",
}

# What the page hands its worker to start: each is a data attribute of the runtime script
# (data-python-stdlib, written by templates/base.html from site_builder/assets.py) and the query
# parameter of the same name (pythonStdlib) in the worker's URL.
START_PARAMETERS = {
    "pyodide": "the folder of Pyodide's core files",
    "python_stdlib": "the reduced standard library the build made",
    "pyodide_lock": "the `info` of Pyodide's lock file, as JSON: all the worker needs of it",
    "calc_archive": "calc/ as a zip",
    "python_snapshot": "the name of the worker's Python snapshot in Cache Storage",
    "limits": "the limits as JSON",
    "base_path": "the site's base path",
    "runtime_bytes": "how many bytes a start downloads, for the progress bar",
}

# Defaults of the page's settings (data attributes of the runtime script; tests shorten them).
SETTINGS = {
    "start_timeout_ms": 60000,  # a start slower than this is a failure (slow 4G needs ~30 s)
    "compute_timeout_ms": 10000,  # a computation slower than this means the worker is stuck
}

# Cache Storage: "files" holds Pyodide, the hashed assets and the Python snapshot the worker
# makes after its first start (the service worker and the worker both open it); "pages" the
# pages read, for offline reading (the service worker writes it, the offline page lists it).
CACHES = ("files", "pages")

# Folders under the base path: hashed assets, and Pyodide's files under its version.
ASSETS_FOLDER = "assets/"
PYODIDE_FOLDER = "pyodide/"
FILE_FOLDERS = (ASSETS_FOLDER, PYODIDE_FOLDER)
SNAPSHOT_PREFIX = "python-snapshot-"  # the snapshot's name in ASSETS_FOLDER (never on the server)


def constant_name(value: str) -> str:
    """The JavaScript constant of a declared value: "start-failed" -> START_FAILED."""
    return re.sub(r"\W+", "_", value).upper()


def dataset_name(name: str) -> str:
    """A data attribute's name in JavaScript's dataset: python_stdlib -> pythonStdlib."""
    first, *rest = name.split("_")
    return first + "".join(word.title() for word in rest)


def javascript_constants() -> dict[str, object]:
    """The declaration as the constants the JavaScript names, by constant name."""

    def named(values) -> dict[str, str]:
        return {constant_name(value): value for value in values}

    return {
        "MESSAGE": named(MESSAGES),
        "MESSAGE_FIELDS": {kind: list(fields) for kind, fields in MESSAGES.items()},
        "REPLY_FIELDS": list(REPLY_FIELDS),
        "FORM_STATE": named(FORM_STATES),
        "RUNTIME_STATE": named(RUNTIME_STATES),
        "PYTHON_FROM": named(PYTHON_FROM),
        "START_STEP": named(START_STEPS),
        "START_STEP_WORDS": START_STEPS,
        "START_PARAMETER": {name.upper(): dataset_name(name) for name in START_PARAMETERS},
        "SETTING": {name.upper(): dataset_name(name) for name in SETTINGS},
        "CACHE": named(CACHES),
        "PATH": {"ASSETS": ASSETS_FOLDER, "PYODIDE": PYODIDE_FOLDER, "SNAPSHOT": SNAPSHOT_PREFIX},
    }


def javascript_declarations(constants: dict[str, object], export: bool) -> str:
    """`const NAME = value;`, one line per constant, objects frozen (exported in a module)."""
    keyword = "export const" if export else "const"
    lines = []
    for name, value in constants.items():
        text = json.dumps(value, sort_keys=True)
        if isinstance(value, (dict, list)):
            text = f"Object.freeze({text})"
        lines.append(f"{keyword} {name} = {text};\n")
    return "".join(lines)


def javascript_module() -> str:
    """The generated module protocol.mjs: every constant of the declaration, exported."""
    header = "// Generated by the build from calc/protocol.py (read its docstring); do not edit.\n"
    return header + javascript_declarations(javascript_constants(), export=True)
