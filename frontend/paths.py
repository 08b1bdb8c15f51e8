"""Where the built UI lives and where it is served (shared by the view and the middleware)."""

from __future__ import annotations

from pathlib import Path

#: ``npm --prefix frontend run build`` writes the single-page app here.
DIST_DIR = Path(__file__).resolve().parent / "dist"
INDEX_HTML = DIST_DIR / "index.html"

#: URL prefix of the built files; must match ``base`` in ``vite.config.ts``.
ASSETS_URL = "/ui/"

#: First path segments that belong to the server, never to the UI's client-side router.
SERVER_PREFIXES = ("api", "admin", "stop", "flow", "group", "static", "i18n", "ws", "ui", "media")

BUILD_COMMAND = "npm --prefix frontend ci && npm --prefix frontend run build"
