"""Running axe-core in a page and describing its violations so a reader can find them."""

from __future__ import annotations

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

_RUN_AXE = """async (tags) => {
  // Measure what a reader sees once transitions (e.g. tabs fading in after a resize) end.
  await Promise.race([
    Promise.all(document.getAnimations().map(a => a.finished.catch(() => null))),
    new Promise(resolve => setTimeout(resolve, 2000)),
  ]);
  const result = await axe.run(document, {runOnly: {type: "tag", values: tags}});
  return result.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    targets: v.nodes.map(n => n.target.join(" ")),
    summaries: v.nodes.map(n => n.failureSummary || ""),
  }));
}"""


def axe_violations(page, axe_source: str) -> list[dict]:
    """axe's WCAG 2.0/2.1 A and AA violations for the page as it is now."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        # Through the DevTools protocol, which the site's Content-Security-Policy does not govern
        # (a <script> tag would be refused), so every other test keeps the policy in force.
        page.evaluate(f"(() => {{ {axe_source}\n}}).call(window)")
    return page.evaluate(_RUN_AXE, WCAG_TAGS)


def format_violations(where: str, violations: list[dict]) -> str:
    """One block per violation: rule id, impact, the failing elements and why."""
    lines = []
    for v in violations:
        lines.append(f"{where}: {v['id']} ({v['impact']}): {v['help']}")
        for target, summary in zip(v["targets"][:8], v["summaries"][:8], strict=True):
            reason = " ".join(summary.split())[:200]
            lines.append(f"    {target} — {reason}")
        if len(v["targets"]) > 8:
            lines.append(f"    … och {len(v['targets']) - 8} element till")
    return "\n".join(lines)
