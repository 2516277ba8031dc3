"""`python -m afrel` runs the command line."""

from afrel.entry import main

main()
