"""`python -m gui`: Dropdesk with its window (the commands too), as the bundle runs it."""

import sys

from core.cli import main
from gui.launch import PARTS

sys.exit(main(gui=PARTS))
