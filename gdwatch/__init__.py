"""gdwatch: figures about Guangdong goods from news feeds into a versioned DuckDB warehouse.

The stage packages live in the repository's top-level folders (config/, extractors/, pipeline/,
warehouse/, flows/); the links in this folder install them as gdwatch.config, gdwatch.extractors, ...
"""
