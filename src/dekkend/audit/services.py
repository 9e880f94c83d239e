# SPDX-License-Identifier: EUPL-1.2
"""`record()`: the one way to write an audit event."""

from typing import Any

from django.db import models

from dekkend.audit.models import AuditEvent


def record(
    event: str,
    actor: Any | None,
    obj: models.Model | None = None,
    extra: dict[str, Any] | None = None,
) -> AuditEvent:
    """Append an event named `<noun>.<past_verb>`.

    `extra` holds ids and names of changed fields only, never personal content.
    """
    actor_obj = actor if getattr(actor, "is_authenticated", False) else None
    object_type = obj._meta.label_lower if obj is not None else ""
    object_id = str(getattr(obj, "uuid", None) or getattr(obj, "pk", "")) if obj else ""
    return AuditEvent.objects.create(
        event=event,
        actor=actor_obj,
        object_type=object_type,
        object_id=object_id,
        extra=extra or {},
    )


def record_many(
    event: str,
    actor: Any | None,
    objs: list[models.Model],
    extra: dict[str, Any] | None = None,
) -> int:
    """One event per object in a single insert (reads of a list page).

    Returns the number of events written.
    """
    actor_obj = actor if getattr(actor, "is_authenticated", False) else None
    events = [
        AuditEvent(
            event=event,
            actor=actor_obj,
            object_type=obj._meta.label_lower,
            object_id=str(getattr(obj, "uuid", None) or obj.pk),
            extra=extra or {},
        )
        for obj in objs
    ]
    AuditEvent.objects.bulk_create(events)
    return len(events)
