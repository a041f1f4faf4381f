"""Entry point: `python build.py ARGS` behaves exactly as `casebook ARGS`."""

import sys

from casebook.cli import main

if __name__ == "__main__":
    sys.exit(main())
