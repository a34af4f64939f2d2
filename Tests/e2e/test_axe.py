"""axe-core 4.x finds no WCAG 2.x A/AA violation on any page type, at 1280 px and at 360 px.

axe.min.js comes from PyPI's axe-selenium-python (3.x bundles axe-core 4.x; installed by
`scripts/install-deps.sh test`). Only its JavaScript is used: it is injected into the page with
Selenium's execute_script and run with execute_async_script. AXE_JS may point at another
axe.min.js. The axe-core version, the rule tags and the pages checked are printed at the end of the
run and written to screenshots/axe-results.json.
"""

from __future__ import annotations

import importlib.metadata as md
import os
from pathlib import Path

import pytest

from conftest import (DESKTOP, PHONE, SCREENSHOTS, add_summary, open_page, page_type_params,
                      write_json)

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

RUN_AXE = """
const tags = arguments[0];
const done = arguments[arguments.length - 1];
axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})
  .then(r => done({
      version: axe.version,
      url: r.url,
      passes: r.passes.length,
      incomplete: r.incomplete.map(i => i.id),
      violations: r.violations.map(v => ({
          id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl, tags: v.tags,
          nodes: v.nodes.map(n => ({target: n.target, summary: n.failureSummary, html: n.html}))
      }))
  }))
  .catch(e => done({error: String(e && e.stack || e)}));
"""


def find_axe_js() -> Path:
    if os.environ.get("AXE_JS"):
        return Path(os.environ["AXE_JS"])
    try:
        dist = md.distribution("axe-selenium-python")
    except md.PackageNotFoundError:
        pytest.fail("axe-selenium-python is not installed: run `scripts/install-deps.sh test`")
    for f in dist.files or []:
        if str(f).endswith("axe-core/axe.min.js"):
            path = Path(dist.locate_file(f))
            if path.is_file():
                return path
    pytest.fail(f"axe.min.js not found in axe-selenium-python {dist.version}")


@pytest.fixture(scope="session")
def axe_js() -> str:
    return find_axe_js().read_text(encoding="utf-8")


_RESULTS: dict[str, dict] = {}


def _record(key: str, result: dict) -> None:
    _RESULTS[key] = {
        "url": result.get("url"),
        "passes": result.get("passes"),
        "incomplete": result.get("incomplete"),
        "violations": [{"id": v["id"], "impact": v["impact"], "nodes": len(v["nodes"])}
                       for v in result.get("violations", [])],
    }
    write_json(SCREENSHOTS / "axe-results.json", {
        "axe_core": result.get("version"), "tags": TAGS, "pages": _RESULTS})


def format_violations(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        lines.append(f"- {v['id']} [{v['impact']}] {v['help']} ({v['helpUrl']})")
        for n in v["nodes"][:10]:
            target = " ".join(" >> ".join(t) if isinstance(t, list) else str(t) for t in n["target"])
            lines.append(f"    target: {target}")
            lines.append(f"      html: {n['html'][:200]}")
            if n.get("summary"):
                lines.append("      " + n["summary"].replace("\n", "\n      "))
        if len(v["nodes"]) > 10:
            lines.append(f"    … and {len(v['nodes']) - 10} more")
    return "\n".join(lines)


@pytest.mark.parametrize("metrics", [DESKTOP, PHONE], ids=["1280", "360"])
@pytest.mark.parametrize("kind,path", page_type_params())
def test_axe_wcag_a_aa(kind, path, metrics, server, driver, axe_js):
    open_page(driver, server + path, metrics)
    driver.execute_script(axe_js)
    result = driver.execute_async_script(RUN_AXE, TAGS)
    assert result and not result.get("error"), f"axe.run failed: {result}"
    version = result["version"]
    assert version.startswith("4."), f"expected axe-core 4.x, got {version}"
    add_summary(f"axe-core {version} (axe.min.js from {find_axe_js()}); rule tags: {', '.join(TAGS)}")
    _record(f"{kind}@{metrics['width']}", result)
    violations = result["violations"]
    if violations:
        pytest.fail(f"axe-core {version}: {len(violations)} WCAG A/AA violation(s) on {kind} "
                    f"({path or 'index.html'}) at {metrics['width']} px:\n"
                    + format_violations(violations), pytrace=False)
