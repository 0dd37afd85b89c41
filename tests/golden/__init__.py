"""Golden tests: today's observable CLI output, pinned (see regen.py)."""
