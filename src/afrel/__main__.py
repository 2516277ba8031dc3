"""`python -m afrel` runs the command line."""

from afrel.cli import main

main()
