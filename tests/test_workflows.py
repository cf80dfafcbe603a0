"""The GitHub workflows: valid against the workflow schema, clean under zizmor, pinned,
least-privilege; and the weekly link check's report and standing issue."""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
WORKFLOWS = ROOT / ".github" / "workflows"
BIN = Path(sys.executable).parent
FILES = sorted(WORKFLOWS.glob("*.yml"))
PINNED = re.compile(r"^\s*(?:- )?uses: [\w.-]+/[\w./-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$")


def _load(name: str) -> dict:
    # PyYAML reads the key `on` as True (YAML 1.1); the workflows are read as GitHub does.
    data = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    data["on"] = data.pop(True)
    return data


def _steps(job: dict) -> list[dict]:
    return job.get("steps", [])


def test_the_three_workflows_exist():
    assert [f.name for f in FILES] == ["deploy.yml", "links-weekly.yml", "pr-check.yml"]


def test_workflows_match_the_github_workflow_schema():
    result = subprocess.run([str(BIN / "check-jsonschema"), "--builtin-schema",
                             "vendor.github-workflows", *map(str, FILES)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "ok -- validation done" in result.stdout


def test_zizmor_finds_nothing_offline():
    result = subprocess.run([str(BIN / "zizmor"), "--offline", "--no-progress",
                             str(WORKFLOWS)], capture_output=True, text=True, timeout=120,
                            env={**os.environ, "NO_COLOR": "1"})
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No findings to report" in result.stdout


def test_zizmor_does_flag_a_template_injection_so_the_check_is_live(tmp_path):
    bad = tmp_path / "bad.yml"
    bad.write_text("on: pull_request_target\npermissions: {}\njobs:\n  x:\n"
                   "    runs-on: ubuntu-24.04\n    steps:\n"
                   "      - run: echo \"${{ github.event.pull_request.title }}\"\n",
                   encoding="utf-8")
    result = subprocess.run([str(BIN / "zizmor"), "--offline", "--no-progress", str(bad)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode != 0 and "template-injection" in result.stdout


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_every_action_is_pinned_to_a_commit_with_its_version(path):
    uses = [line for line in path.read_text(encoding="utf-8").splitlines() if "uses:" in line]
    assert uses
    assert [u for u in uses if not PINNED.match(u)] == []


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_no_default_permissions_and_checkout_keeps_no_credentials(path):
    workflow = _load(path.name)
    assert workflow["permissions"] == {}
    for job in workflow["jobs"].values():
        assert "permissions" in job
        for step in _steps(job):
            if step.get("uses", "").startswith("actions/checkout@"):
                assert step["with"]["persist-credentials"] is False
            assert "${{" not in step.get("run", "")  # values reach scripts through env only


def test_only_the_deploy_job_may_write_pages_and_only_the_link_check_issues():
    grants = {(path.name, name): job["permissions"] for path in FILES
              for name, job in _load(path.name)["jobs"].items()}
    assert grants == {
        ("deploy.yml", "build"): {"contents": "read"},
        ("deploy.yml", "deploy"): {"pages": "write", "id-token": "write"},
        ("links-weekly.yml", "links"): {"contents": "read", "issues": "write"},
        ("pr-check.yml", "check"): {"contents": "read"},
    }


def test_pull_request_check_runs_the_project_commands_with_annotations():
    workflow = _load("pr-check.yml")
    assert "pull_request" in workflow["on"]
    runs = [s.get("run") for s in _steps(workflow["jobs"]["check"]) if s.get("run")]
    assert 'make check ARGS="--format github"' in runs
    assert runs.index('make check ARGS="--format github"') < runs.index("make build") \
        < runs.index("make test") < runs.index("make screenshots")


def test_pull_request_check_uploads_screenshots_of_every_template():
    steps = _steps(_load("pr-check.yml")["jobs"]["check"])
    upload = next(s for s in steps if s.get("uses", "").startswith("actions/upload-artifact@"))
    assert upload["with"]["path"] == "screenshots/" and upload["with"]["name"] == "screenshots"
    assert "screenshots:" in (ROOT / "Makefile").read_text(encoding="utf-8")


def test_deploy_is_a_clean_build_with_full_history_through_the_pages_actions():
    workflow = _load("deploy.yml")
    assert workflow["on"]["push"]["branches"] == ["main"]
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    checkout = _steps(build)[0]
    assert checkout["uses"].startswith("actions/checkout@")
    assert checkout["with"]["fetch-depth"] == 0
    assert any("make clean" in (s.get("run") or "") and "make build" in s["run"]
               for s in _steps(build))
    runs = [s.get("run") or "" for s in _steps(build)]
    publish = next(i for i, run in enumerate(runs) if 'make check ARGS="--publish' in run)
    assert publish < next(i for i, run in enumerate(runs) if "make build" in run)
    used = [s["uses"].split("@")[0] for job in (build, deploy) for s in _steps(job) if "uses" in s]
    assert {"actions/upload-pages-artifact", "actions/configure-pages",
            "actions/deploy-pages"} <= set(used)
    assert deploy["needs"] == "build" and deploy["environment"]["name"] == "github-pages"


def test_link_check_runs_weekly():
    workflow = _load("links-weekly.yml")
    assert len(workflow["on"]["schedule"]) == 1
    assert workflow["on"]["schedule"][0]["cron"].split()[2:] == ["*", "*", "1"]


# The weekly link check's two scripts.

def _links_module():
    spec = importlib.util.spec_from_file_location(
        "external_links", ROOT / ".github" / "scripts" / "external_links.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_external_link_check_reports_an_unreachable_link_with_page_and_line(tmp_path):
    links = _links_module()
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text(
        "<!doctype html><html><head><title>Home</title></head><body>\n"
        '<p><a href="http://127.0.0.1:9/gone">A partner that moved</a></p>\n'
        '<p><a href="https://learning-commons.example.org/policies/">Our own site</a></p>\n'
        '<p><a href="https://github.com/learning-commons/commons/edit/main/content/x.md">Edit'
        "</a></p>\n</body></html>\n", encoding="utf-8")
    assert links.main([str(site), str(tmp_path / "report.md")]) == 0
    report = (tmp_path / "report.md").read_text(encoding="utf-8")
    assert report.startswith("1 link to other sites did not work.")
    assert "| / | 2 | http://127.0.0.1:9/gone |" in report
    assert "example.org" not in report and "/edit/" not in report


def test_link_report_says_all_is_well_and_escapes_table_cells():
    links = _links_module()
    assert links.report([]) == "Every link to another site worked.\n"
    text = links.report([{"page": "/a|b/", "line": "3", "link": "https://x.test/`", "result":
                          "404 Not Found"}])
    assert "| /a\\|b/ | 3 | https://x.test/\\` | 404 Not Found |" in text


def _fake_gh(tmp_path: Path, existing: str) -> tuple[dict, Path]:
    log = tmp_path / "gh.log"
    gh = tmp_path / "bin" / "gh"
    gh.parent.mkdir()
    gh.write_text("#!/usr/bin/env bash\necho \"$*\" >> \"$GH_LOG\"\n"
                  "if [ \"$1 $2\" = \"issue list\" ]; then echo \"$EXISTING\"; fi\n",
                  encoding="utf-8")
    gh.chmod(0o755)
    env = {**os.environ, "PATH": f"{gh.parent}:{os.environ['PATH']}", "GH_LOG": str(log),
           "EXISTING": existing, "RUN_URL": "https://github.com/o/r/actions/runs/1"}
    return env, log


@pytest.mark.parametrize("existing, report, expected", [
    ("", "2 links to other sites did not work.\n", ["issue list", "label create link-check",
                                                     "issue create"]),
    ("7", "2 links to other sites did not work.\n", ["issue list", "issue reopen 7",
                                                      "issue edit 7"]),
    ("7", "Every link to another site worked.\n", ["issue list", "issue edit 7",
                                                    "issue close 7"]),
    ("", "Every link to another site worked.\n", ["issue list"]),
])
def test_one_standing_issue_is_opened_updated_or_closed(tmp_path, existing, report, expected):
    env, log = _fake_gh(tmp_path, existing)
    (tmp_path / "report.md").write_text(report, encoding="utf-8")
    result = subprocess.run(["bash", str(ROOT / ".github" / "scripts" / "link-issue.sh"),
                             str(tmp_path / "report.md")], env=env, capture_output=True,
                            text=True, timeout=30)
    assert result.returncode == 0, result.stderr
    calls = log.read_text(encoding="utf-8").splitlines()
    assert [c for c in calls if any(c.startswith(e) for e in expected)] == calls
    assert [next(c for c in calls if c.startswith(e)) for e in expected]
    assert "--label link-check" in calls[0]
