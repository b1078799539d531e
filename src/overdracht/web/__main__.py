"""``python -m overdracht.web <django command>``: Django's manage.py, for developers."""

from __future__ import annotations

import os
import sys

from django.core.management import execute_from_command_line


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "overdracht.web.settings")
    os.umask(0o077)  # a database or file made here is private, as under 'overdracht web'
    execute_from_command_line([sys.argv[0], *sys.argv[1:]])


if __name__ == "__main__":
    main()
