# SPDX-License-Identifier: EUPL-1.2
"""/api/hsds/: the HSDS 3.0 paths, each with and without a trailing slash."""

from django.urls import URLPattern, path, re_path
from django.views.generic import View

from dekkend.register.hsds import views

app_name = "hsds"


def _routes(
    name: str, list_view: type[View], detail_view: type[View]
) -> list[URLPattern]:
    return [
        re_path(rf"^{name}/?$", list_view.as_view(), name=name),
        re_path(
            rf"^{name}/(?P<id>[^/]+)/?$", detail_view.as_view(), name=f"{name}-detail"
        ),
    ]


urlpatterns = [
    path("", views.ApiInfoView.as_view(), name="root"),
    *_routes("services", views.ServiceListView, views.ServiceDetailView),
    *_routes("organizations", views.OrganizationListView, views.OrganizationDetailView),
    *_routes(
        "service_at_locations",
        views.ServiceAtLocationListView,
        views.ServiceAtLocationDetailView,
    ),
    *_routes("taxonomies", views.TaxonomyListView, views.TaxonomyDetailView),
    *_routes(
        "taxonomy_terms", views.TaxonomyTermListView, views.TaxonomyTermDetailView
    ),
]
