# SPDX-License-Identifier: EUPL-1.2
"""Process settings for serving requests: how the garbage collector runs.

CPython's default collector runs its youngest generation every 700 new
container objects. A page such as /monitor/verwijzen/ allocates some 20,000
of them, so every object alive during the request survived tens of young
collections and was promoted to the oldest generation, whose full collection
then came every few requests and scanned everything the process keeps
(imports, templates, the answers of `versions.cache`): about 100 ms, one
request in four (bench/README.md, "pages"). With a young generation of
10,000 most request objects are freed by reference counting before they are
promoted; what is loaded at start-up is frozen, so a full collection does
not scan it again. Larger thresholds (20,000, 50,000) cut the pauses a
little more but let garbage in reference cycles raise the resident size by
tens of MB.

What does not belong here: settings (conf/), anything per request.
"""

import gc

# Young generation, then how many young collections per middle one and
# middle per full one (CPython's defaults: 700, 10, 10).
GC_THRESHOLDS = (10_000, 10, 10)


def tune_gc() -> None:
    """Freeze what is loaded now and raise the young generation's threshold.
    Call once per process after start-up (the WSGI entry point does)."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(*GC_THRESHOLDS)
