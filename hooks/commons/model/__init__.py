"""Typed records with their origins, the content-type table and the cross index."""
