"""Site search: the fields each page gives Pagefind, and the indexing of the built site."""
