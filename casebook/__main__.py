"""`python -m casebook` is the same as the `casebook` command."""

import sys

from .cli import main

sys.exit(main())
