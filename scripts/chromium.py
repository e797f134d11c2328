"""How the tests, the bench and the search measurement start Chromium: Debian's package,
driven by Playwright (whose own browsers are never installed). Without the background
networking flags Chromium tries Google's hosts, which this machine's closed network refuses."""
STI = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        # Chromium 156's address-bar popup is a web UI in a renderer of its own that refreshes
        # its tab suggestions on every navigation in the tab: about 100 ms of CPU during a
        # calculator page's second visit (make bench, traced on 2 cores), which the page's
        # figures are not about. A reader's browser has no such automation-time popup loaded.
        "--disable-features=WebUIOmniboxPopup,WebUIOmniboxFullPopup,WebUIOmniboxAimPopup"]


def start(playwright):
    """A headless Chromium from `sync_playwright()`."""
    return playwright.chromium.launch(executable_path=STI, args=ARGS)
