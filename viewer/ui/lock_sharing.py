"""How often the interpreter lock changes hands while the window is open.

A large file is read, a search index built and a collection queried on threads beside the GUI
thread.  Those threads run Python for seconds at a time, and CPython hands its lock to a waiting
thread only every *switch interval* (``sys.setswitchinterval``, 5 ms by default).  The GUI thread
needs the lock again after every call into Qt that lets it go (a paint, a timer, a signal), so a
heartbeat that costs it 6 ms of CPU waited for the lock a dozen times: 100-160 ms with the window
frozen while a 10^6-event file was read on a quiet machine (`benchmarks/README.md`, the
twenty-third round: the reading thread's CPU grew by the whole gap, the GUI thread's by 5-7 ms).

With a 1 ms interval the waits are a fifth as long, the block of that open fell to 37-78 ms, and the
reading took as long as before (the lock changing hands costs microseconds).  This is the standard
library's own setting for this trade (``sys.setswitchinterval``), not a scheduler of our own.
"""

from __future__ import annotations

import sys

#: seconds a thread running Python keeps the interpreter lock when another one waits for it
#: (CPython's default is 0.005)
GUI_SWITCH_INTERVAL = 0.001


def share_lock_often() -> None:
    """Let a thread waiting for the interpreter lock (the GUI thread) have it after at most
    :data:`GUI_SWITCH_INTERVAL` seconds of another thread's Python, for the whole process.

    Called when a window is made; never lengthens an interval set shorter already.  Raises
    nothing.
    """
    if sys.getswitchinterval() > GUI_SWITCH_INTERVAL:
        sys.setswitchinterval(GUI_SWITCH_INTERVAL)
