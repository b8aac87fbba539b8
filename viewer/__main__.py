"""``python -m viewer`` runs the timeline viewer (same as ``timeline-viewer``)."""

import sys

from .app import main

sys.exit(main())
