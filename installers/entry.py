"""The frozen program's entry: the same function as the ``desktop-signer`` console script.

``ui.launcher.main`` calls ``multiprocessing.freeze_support()`` before anything heavy, so
the renderer (spawn) and verification (forkserver) children of a frozen build start as
children instead of as a second window.
"""

from ui.launcher import main

raise SystemExit(main())
