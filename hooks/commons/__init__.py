"""The learning commons' build pipeline: load -> model -> rules and generate -> render.

Plain Python that a MkDocs hook, a script and a test can each call; ARCHITECTURE.md at the
top of the repository draws it.
"""
