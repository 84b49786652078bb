"""Wraps around pyHanko's PDF reading where it falls short for us (see each module)."""
