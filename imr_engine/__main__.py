"""`python -m imr_engine` is the `imr` command."""

import sys

from .cli import main

sys.exit(main())
