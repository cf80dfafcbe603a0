"""The learning commons' build pipeline: load, validate, model, generate.

Plain Python that a MkDocs hook, a script and a test can each call.
"""
