"""`coalign`: the command line over the Python client (client/README.md has examples).

Every failure (a bad option, an answer outside 2xx, a run that fails) ends with one line on
stderr saying what to fix and a non-zero exit: 2 for the command line's own mistakes, 1 for
the rest.

`main` holds the root group and `login`; each other module one resource's commands.
"""
