"""Signing in the window (issue 12): the identity chooser, the PIN dialog, placing the
stamp on the page, signing one letter, and the batch dialog. Everything here calls core
services (``desktop_signer.identity_sources``, ``desktop_signer.signing``) and runs their
blocking work off the GUI thread."""
