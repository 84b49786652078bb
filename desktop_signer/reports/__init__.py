"""Verification results in words: the answers the panel shows, the exported PDF and JSON
reports (issue 11). Plain data in, bytes or text out; no Qt."""
