"""The validity panel (issue 11): every open PDF is verified in the background, a banner
above the document gives the verdict, a side panel answers the four agency questions per
signature, the page shows where each signature is and what changed after signing.

``attach(tab, window)`` wires one document tab; ``install(window)`` adds the window-wide
actions (the View menu's Signatures section) and the trust-change watcher.
"""

from ui.validity.hook import attach, install

__all__ = ["attach", "install"]
