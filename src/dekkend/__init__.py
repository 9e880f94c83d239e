# SPDX-License-Identifier: EUPL-1.2
"""Dekkend: regionaal dekkend aanbod van de AZWA-basisfunctionaliteiten."""

__version__ = "0.1.0"
