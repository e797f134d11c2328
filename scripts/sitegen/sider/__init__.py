"""Page families: each module writes one kind of page as Markdown from catalogue data."""
