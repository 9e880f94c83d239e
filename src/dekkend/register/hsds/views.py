# SPDX-License-Identifier: EUPL-1.2
"""The HSDS 3.0 read API: public, JSON only, paths as in the HSDS openapi.

Lists take `page` and `per_page` (at most 500) and `search`; services and
services at locations also `taxonomy_term_id`, `taxonomy_id`,
`organization_id` and `full` (fully nested items). Errors are the project's
problem details; an unknown id is a 404.
"""

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any
from uuid import UUID

from django.conf import settings
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponseBase
from django.utils import timezone, translation

from rest_framework import serializers
from rest_framework.exceptions import NotFound
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from dekkend.register.hsds import mapping, selectors
from dekkend.register.hsds import taxonomies as tx
from dekkend.register.hsds.pagination import DEFAULT_PER_PAGE, MAX_PER_PAGE, paginate
from dekkend.register.models import Aanbod, Organisatie

# The API follows the base HSDS 3.0 without a published profile; a deployment
# can point these elsewhere in its settings.
DEFAULT_PROFILE_URL = "https://docs.openreferral.org/en/3.0/hsds/overview.html"
DEFAULT_OPENAPI_URL = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/openapi.json"


class PageQuery(serializers.Serializer[Any]):
    page = serializers.IntegerField(min_value=1, default=1)
    per_page = serializers.IntegerField(min_value=1, default=DEFAULT_PER_PAGE)
    search = serializers.CharField(required=False, allow_blank=True, max_length=200)

    def validate_per_page(self, value: int) -> int:
        return min(value, MAX_PER_PAGE)


class ServiceQuery(PageQuery):
    taxonomy_term_id = serializers.UUIDField(required=False)
    taxonomy_id = serializers.UUIDField(required=False)
    organization_id = serializers.UUIDField(required=False)
    full = serializers.BooleanField(default=False)


class OrganizationQuery(PageQuery):
    full = serializers.BooleanField(default=False)


class TaxonomyTermQuery(PageQuery):
    taxonomy_id = serializers.UUIDField(required=False)
    parent_id = serializers.UUIDField(required=False)
    top_only = serializers.BooleanField(default=False)


def _query(serializer_class: type[PageQuery], request: Request) -> dict[str, Any]:
    query = serializer_class(data=request.query_params)
    query.is_valid(raise_exception=True)
    return dict(query.validated_data)


def _service_filter(params: dict[str, Any]) -> selectors.ServiceFilter:
    return selectors.ServiceFilter(
        search=(params.get("search") or "").strip() or None,
        taxonomy_term_id=params.get("taxonomy_term_id"),
        taxonomy_id=params.get("taxonomy_id"),
        organization_id=params.get("organization_id"),
    )


def _uuid(value: str, what: str) -> UUID:
    try:
        return UUID(value)
    except ValueError:
        raise NotFound(f"{what} niet gevonden.") from None


def _page(
    source: QuerySet[Any] | Sequence[Any],
    params: dict[str, Any],
    render: Callable[[list[Any]], list[dict[str, Any]]],
) -> Response:
    items, meta = paginate(source, page=params["page"], per_page=params["per_page"])
    return Response({**meta, "contents": render(items)})


def _today() -> date:
    return timezone.localdate()


class HsdsView(APIView):
    """Public, read-only, JSON, labels in Dutch, open to other origins."""

    # Described by the HSDS openapi, not by the project's /api/v1/schema/.
    schema = None
    permission_classes = [AllowAny]
    authentication_classes: list[Any] = []
    renderer_classes = [JSONRenderer]
    http_method_names = ["get", "head", "options"]

    def dispatch(
        self, request: HttpRequest, *args: Any, **kwargs: Any
    ) -> HttpResponseBase:
        with translation.override(tx.LANGUAGE):
            return super().dispatch(request, *args, **kwargs)

    def finalize_response(
        self, request: Request, response: Response, *args: Any, **kwargs: Any
    ) -> Response:
        response = super().finalize_response(request, response, *args, **kwargs)
        response["Access-Control-Allow-Origin"] = "*"
        if response.exception:
            # Keep the media type of dekkend.api.errors' problem details; the
            # renderer would otherwise set application/json.
            response.content_type = "application/problem+json"
        return response


class ApiInfoView(HsdsView):
    def get(self, request: Request) -> Response:
        return Response(
            {
                "version": mapping.HSDS_VERSION,
                "profile": getattr(settings, "HSDS_PROFILE_URL", DEFAULT_PROFILE_URL),
                "openapi_url": getattr(
                    settings, "HSDS_OPENAPI_URL", DEFAULT_OPENAPI_URL
                ),
            }
        )


class ServiceListView(HsdsView):
    def get(self, request: Request) -> Response:
        params = _query(ServiceQuery, request)
        peildatum = _today()
        qs = selectors.service_list(
            peildatum=peildatum, filters=_service_filter(params)
        )
        if not params["full"]:
            return _page(qs, params, lambda items: [mapping.service(a) for a in items])

        def render(items: list[Aanbod]) -> list[dict[str, Any]]:
            ctx = mapping.context_for(peildatum, [a.locatie for a in items])
            return [mapping.service_full(a, ctx) for a in items]

        return _page(selectors.service_details(qs), params, render)


class ServiceDetailView(HsdsView):
    def get(self, request: Request, id: str) -> Response:
        peildatum = _today()
        try:
            aanbod = selectors.service_get(
                uuid=_uuid(id, "Service"), peildatum=peildatum
            )
        except Aanbod.DoesNotExist:
            raise NotFound("Service niet gevonden.") from None
        ctx = mapping.context_for(peildatum, [aanbod.locatie])
        return Response(mapping.service_full(aanbod, ctx))


class ServiceAtLocationListView(HsdsView):
    def get(self, request: Request) -> Response:
        params = _query(ServiceQuery, request)
        peildatum = _today()
        qs = selectors.service_at_location_list(
            peildatum=peildatum, filters=_service_filter(params)
        )
        full = params["full"]
        if full:
            qs = selectors.service_details(qs)

        def render(items: list[Aanbod]) -> list[dict[str, Any]]:
            ctx = (
                mapping.context_for(peildatum, [a.locatie for a in items])
                if full
                else mapping.Context(peildatum=peildatum)
            )
            return [mapping.service_at_location(a, ctx, full=full) for a in items]

        return _page(qs, params, render)


class ServiceAtLocationDetailView(HsdsView):
    def get(self, request: Request, id: str) -> Response:
        peildatum = _today()
        try:
            aanbod = selectors.service_at_location_get(
                id=str(_uuid(id, "Service at location")), peildatum=peildatum
            )
        except Aanbod.DoesNotExist:
            raise NotFound("Service at location niet gevonden.") from None
        ctx = mapping.context_for(peildatum, [aanbod.locatie])
        return Response(mapping.service_at_location(aanbod, ctx))


class OrganizationListView(HsdsView):
    def get(self, request: Request) -> Response:
        params = _query(OrganizationQuery, request)
        peildatum = _today()
        qs = selectors.organization_list(
            peildatum=peildatum, search=(params.get("search") or "").strip() or None
        )
        if not params["full"]:
            return _page(
                qs, params, lambda items: [mapping.organization(o) for o in items]
            )

        def render(items: list[Organisatie]) -> list[dict[str, Any]]:
            ctx = mapping.context_for(
                peildatum, [loc for o in items for loc in o.locaties.all()]
            )
            return [mapping.organization_full(o, ctx) for o in items]

        return _page(selectors.organization_details(qs, peildatum), params, render)


class OrganizationDetailView(HsdsView):
    def get(self, request: Request, id: str) -> Response:
        peildatum = _today()
        try:
            org = selectors.organization_get(
                uuid=_uuid(id, "Organization"), peildatum=peildatum
            )
        except Organisatie.DoesNotExist:
            raise NotFound("Organization niet gevonden.") from None
        ctx = mapping.context_for(peildatum, list(org.locaties.all()))
        return Response(mapping.organization_full(org, ctx))


def _matches(search: str | None, *texts: str) -> bool:
    if not search:
        return True
    needle = search.strip().casefold()
    return any(needle in text.casefold() for text in texts)


class TaxonomyListView(HsdsView):
    def get(self, request: Request) -> Response:
        params = _query(PageQuery, request)
        found = [
            t
            for t in tx.taxonomies()
            if _matches(params.get("search"), t.name, t.description)
        ]
        return _page(found, params, lambda items: [mapping.taxonomy(t) for t in items])


class TaxonomyDetailView(HsdsView):
    def get(self, request: Request, id: str) -> Response:
        taxonomy = tx.taxonomy_get(str(_uuid(id, "Taxonomy")))
        if taxonomy is None:
            raise NotFound("Taxonomy niet gevonden.")
        return Response(mapping.taxonomy(taxonomy))


class TaxonomyTermListView(HsdsView):
    def get(self, request: Request) -> Response:
        params = _query(TaxonomyTermQuery, request)
        terms = tx.all_terms()
        if params.get("taxonomy_id"):
            taxonomy = tx.taxonomy_get(str(params["taxonomy_id"]))
            terms = list(taxonomy.terms) if taxonomy else []
        if params.get("parent_id"):
            terms = []  # our taxonomies are flat: no term has a parent
        found = [
            t for t in terms if _matches(params.get("search"), t.name, t.description)
        ]
        return _page(
            found,
            params,
            lambda items: [mapping.taxonomy_term(t, detail=True) for t in items],
        )


class TaxonomyTermDetailView(HsdsView):
    def get(self, request: Request, id: str) -> Response:
        term = tx.term_get(str(_uuid(id, "Taxonomy term")))
        if term is None:
            raise NotFound("Taxonomy term niet gevonden.")
        return Response(mapping.taxonomy_term(term, detail=True))
