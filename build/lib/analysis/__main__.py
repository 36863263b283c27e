"""``python -m analysis``: the command line (:mod:`analysis.cli`)."""
from analysis.cli import exit_fast, main

if __name__ == "__main__":
    exit_fast(main())
