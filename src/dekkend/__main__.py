# SPDX-License-Identifier: EUPL-1.2
"""`python -m dekkend` runs the same command line as the `dekkend` script."""

from dekkend.manage import main

main()
