"""axe-core's WCAG 2.1 A/AA check of a page as it rests, shared by the browser tests."""
from __future__ import annotations

from axe_playwright_python.sync_playwright import Axe

WCAG = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


def wcag_overtraedelser(page):
    """Run axe once every CSS transition and animation has finished.

    Mid-transition colours are not what a reader sees: Material fades its
    "Tilbage til start" button in over 125 ms, and axe caught it at 97 %
    opacity once (contrast 4.35 instead of the resting colour's)."""
    page.wait_for_function("() => document.getAnimations().every(a => a.playState !== 'running')")
    return Axe().run(page, options=WCAG)
