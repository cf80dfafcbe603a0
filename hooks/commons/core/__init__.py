"""Bottom of the stack: problems and origins, hints, escaping, safe paths, outside tools,
results kept between runs."""
