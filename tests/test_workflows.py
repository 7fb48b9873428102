"""The GitHub Actions workflows: valid against GitHub's schema, and wired the way Pages needs.

check-jsonschema bundles the schema (vendor.github-workflows), so these run offline.
"""

import subprocess
import sys
from pathlib import Path

import yaml

from tests.helpers import ROOT

WORKFLOWS = ROOT / ".github" / "workflows"
PAGES = WORKFLOWS / "pages.yml"
TEST = WORKFLOWS / "test.yml"


def schema_check(*paths: Path) -> subprocess.CompletedProcess:
    """Run check-jsonschema's bundled GitHub workflow schema over the given files."""
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "check_jsonschema",
            "--builtin-schema",
            "vendor.github-workflows",
            *map(str, paths),
        ],
        capture_output=True,
        text=True,
    )


def load(path: Path) -> dict:
    """The workflow as data; PyYAML reads the bare key `on` as True, so put it back under "on"."""
    workflow = yaml.safe_load(path.read_text(encoding="utf-8"))
    if True in workflow:
        workflow["on"] = workflow.pop(True)
    return workflow


def uses(workflow: dict) -> list[str]:
    """Every `uses:` across all jobs, without the @version."""
    return [
        step["uses"].split("@")[0]
        for job in workflow["jobs"].values()
        for step in job["steps"]
        if "uses" in step
    ]


def run_lines(workflow: dict) -> list[str]:
    """Every `run:` command across all jobs."""
    return [
        step["run"] for job in workflow["jobs"].values() for step in job["steps"] if "run" in step
    ]


def test_workflows_match_github_schema():
    run = schema_check(PAGES, TEST)
    assert run.returncode == 0, run.stdout + run.stderr


def test_schema_check_rejects_a_broken_workflow(tmp_path):
    # The same test.yml with `runs-on` dropped: a job must say where it runs.
    broken = tmp_path / "broken.yml"
    text = TEST.read_text(encoding="utf-8")
    assert "    runs-on: ubuntu-latest\n" in text
    broken.write_text(text.replace("    runs-on: ubuntu-latest\n", ""), encoding="utf-8")
    run = schema_check(broken)
    assert run.returncode != 0, run.stdout + run.stderr
    assert "'runs-on' is a required property" in run.stdout


def test_pages_deploys_with_least_privilege_one_at_a_time():
    pages = load(PAGES)
    assert pages["on"]["push"]["branches"] == ["main"]
    assert "workflow_dispatch" in pages["on"]
    assert pages["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    assert pages["concurrency"] == {"group": "pages", "cancel-in-progress": False}


def test_pages_builds_under_the_pages_base_path_and_deploys_the_artifact():
    pages = load(PAGES)
    assert {
        "actions/configure-pages",
        "actions/upload-pages-artifact",
        "actions/deploy-pages",
    } <= set(uses(pages))
    build = next(line for line in run_lines(pages) if line.startswith("make build"))
    assert "--base-path '${{ steps.pages.outputs.base_path }}/'" in build
    assert "--site-url '${{ steps.pages.outputs.origin }}'" in build
    upload = next(
        step
        for step in pages["jobs"]["build"]["steps"]
        if step.get("uses", "").startswith("actions/upload-pages-artifact")
    )
    assert upload["with"]["path"] == "dist"
    deploy = pages["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert deploy["environment"]["name"] == "github-pages"


def test_makefile_passes_build_args_to_the_builder():
    # pages.yml hands the base path to `make build` through BUILD_ARGS; without this it is silently
    # dropped.
    assert "-m site_builder build $(BUILD_ARGS)" in (ROOT / "Makefile").read_text(encoding="utf-8")


def test_test_workflow_runs_make_test_on_push_and_pull_request():
    test = load(TEST)
    assert {"push", "pull_request"} <= set(test["on"])
    assert "make test" in run_lines(test)
    assert test["jobs"]["test"]["timeout-minutes"] == 60
