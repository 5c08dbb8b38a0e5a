"""``python -m extract``: the command line (``extract/cli.py``)."""

import atexit
import gc

from .cli import main

# On the way out the interpreter's last garbage collections would walk every object still alive
# (spaCy, pydantic, a built dataset: about a million) looking for cycles, a quarter of a build's
# time.  Everything is written and closed by then; frozen, the objects are freed without the search.
atexit.register(gc.freeze)
main()
