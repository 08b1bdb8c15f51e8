"""``python -m piflow``."""

import sys

from piflow.cli import main

sys.exit(main())
