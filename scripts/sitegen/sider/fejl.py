"""The page `make serve` shows instead of the site while the catalogue has errors."""
from __future__ import annotations

from ..markdown import tekst


def fejlside(fejl: list) -> str:
    """The preview's page while the catalogue has errors (only under `make serve`).

    A message quotes the catalogue (a field name, a value), so it is text, never markup."""
    linjer = ["---", "title: Kataloget har fejl", "---", "", "# Kataloget har fejl", "",
              f"Forhåndsvisningen kan ikke bygges, fordi kataloget har {len(fejl)} "
              f"{'fejl' if len(fejl) != 1 else 'fejl'}. Ret filen og gem den; siden opdateres af sig selv.", ""]
    linjer += [f"- {tekst(' '.join(str(f).split()))}" for f in fejl]
    return "\n".join(linjer) + "\n"
