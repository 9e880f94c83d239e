# SPDX-License-Identifier: EUPL-1.2
"""The `dekkend` console script: Django's manage.py for this project."""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dekkend.conf.dev")
    from django.core.management import execute_from_command_line

    argv = list(sys.argv)
    # `dekkend load-reference` and `dekkend load_reference` are the same command.
    if len(argv) > 1 and not argv[1].startswith("-"):
        argv[1] = argv[1].replace("-", "_")
    execute_from_command_line(argv)


if __name__ == "__main__":
    main()
