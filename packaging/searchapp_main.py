"""Entry point of the frozen app: ``searchapp`` with the CLI's commands, the app without."""

import multiprocessing
import sys

if __name__ == "__main__":
    multiprocessing.freeze_support()  # the app indexes in a spawned child process
    from searchapp.cli import main

    sys.exit(main())
