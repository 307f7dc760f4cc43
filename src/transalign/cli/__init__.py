"""Command-line interface: one thin module per command over plain typed functions."""
