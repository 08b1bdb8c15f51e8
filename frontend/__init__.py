"""The web UI as a Django app: serves the built single-page app (``frontend/dist``).

The React sources live beside this package (``src/``, ``package.json``); ``npm run build`` writes
``dist/``. :mod:`frontend.views` answers every UI route with ``dist/index.html`` and
:mod:`frontend.middleware` serves the built assets under ``/ui/`` with WhiteNoise.
"""
