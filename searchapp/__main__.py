import sys

from searchapp.cli import main

sys.exit(main())
