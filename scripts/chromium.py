"""How the tests, the bench and the search measurement start Chromium: Debian's package,
driven by Playwright (whose own browsers are never installed). Without the background
networking flags Chromium tries Google's hosts, which this machine's closed network refuses."""
STI = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def start(playwright):
    """A headless Chromium from `sync_playwright()`."""
    return playwright.chromium.launch(executable_path=STI, args=ARGS)
