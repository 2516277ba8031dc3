"""The test suite: one module per layer, tests of the shipped data and golden outputs."""
