"""Test helper: read a built Pagefind index back."""
from __future__ import annotations

import gzip
import json
from pathlib import Path

SIGNATUR = b"pagefind_dcd"


def fragmenter(site: Path) -> dict[str, dict]:
    """Every page in the built search index by its URL: Pagefind's fragment files are
    gzip'ed JSON after a signature ("pagefind_dcd")."""
    ud = {}
    for fil in (site / "pagefind" / "fragment").iterdir():
        data = gzip.decompress(fil.read_bytes())
        assert data.startswith(SIGNATUR), fil
        fragment = json.loads(data[len(SIGNATUR):])
        ud[fragment["url"]] = fragment
    return ud
