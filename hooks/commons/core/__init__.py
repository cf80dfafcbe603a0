"""Bottom of the stack: problems and origins, hints, escaping, safe paths, outside tools,
progress, results kept between runs."""
