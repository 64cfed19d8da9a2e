"""Benchmarks of gdwatch against peer tools, scored on the labelled development set in tests/data/devset."""
