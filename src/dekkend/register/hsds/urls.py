# SPDX-License-Identifier: EUPL-1.2
urlpatterns: list[object] = []
