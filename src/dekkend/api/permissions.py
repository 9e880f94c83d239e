# SPDX-License-Identifier: EUPL-1.2
"""Explicit permission per action for every API view (STYLE.md §4)."""

from typing import Any

from rest_framework.permissions import BasePermission


class ActionPermissionMixin:
    """Views list `permission_by_action = {"list": [AllowAny], …}`.

    An action that is not in the map is refused, so adding an action without
    deciding who may use it fails closed.
    """

    permission_by_action: dict[str, list[type[BasePermission]]] = {}

    def get_permissions(self) -> list[BasePermission]:
        action = getattr(self, "action", None) or ""
        classes = self.permission_by_action.get(action, [DenyAll])
        return [cls() for cls in classes]


class DenyAll(BasePermission):
    def has_permission(self, request: Any, view: Any) -> bool:
        return False
