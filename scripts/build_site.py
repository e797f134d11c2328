"""Build the site atomically: into a temporary folder, then swap it into place.

A failed build prints MkDocs' message (for catalogue errors: file:line and a
plain message) and leaves the previous `site/` untouched. The service worker is
written last, from the finished site (sitegen/offline.py): a step that adds files
to the site must come before it.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from sitegen import offline

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str]) -> int:
    site = ROOT / (argv[0] if argv else "site")
    tmp = site.with_name(f"{site.name}.tmp-{os.getpid()}")
    old = site.with_name(f"{site.name}.old-{os.getpid()}")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}  # Material prints an end-of-life banner otherwise
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", str(tmp)], env=env,
                          cwd=ROOT, capture_output=True, text=True)
    if proc.returncode != 0:
        shutil.rmtree(tmp, ignore_errors=True)
        melding = "\n".join(linje for linje in (proc.stderr + proc.stdout).splitlines()
                            if linje.strip() and not linje.startswith("Aborted with"))
        print(f"Build failed; {site.name}/ was left as it was.\n{melding}", file=sys.stderr)
        return 1
    if proc.stderr.strip():
        print(proc.stderr.strip(), file=sys.stderr)
    offline.skriv_serviceworker(tmp)
    if site.exists():
        site.rename(old)
    tmp.rename(site)
    shutil.rmtree(old, ignore_errors=True)
    print(f"Built {site}/")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
