"""`python -m core.cli`: the commands as the installed `dropdesk` runs them."""

import sys

from core.cli import main

sys.exit(main())
