"""Reading the inputs, each once a build: settings, front matter, CSV tables, git dates."""
