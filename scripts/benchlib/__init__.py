"""Helpers for the benchmark and the search tests: a generated commons, and Pagefind queries
run offline in Node against a built site."""
