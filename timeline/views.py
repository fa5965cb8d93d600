"""The public pages: the timeline and a permalink per event, organization, law and jurisdiction.

Thin: what is public, what a filter means and how a page is cut come from ``selectors``; a bad
filter value is answered with the page, its message and status 400, never a 500.
"""

from urllib.parse import urlencode

from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.generic import DetailView, TemplateView

from . import charts, selectors
from .models import ActionType, Jurisdiction

PAGE_SIZE = 20


def displayed_events():
    """Published events with what a page shows (not the other organizations: a permalink reads
    its own), in a fixed number of queries."""
    return selectors.public_events().with_relations(organizations=False)


def download_links(query):
    suffix = f"?{query}" if query else ""
    names = [
        ("Atom feed", "timeline:feed_atom"),
        ("iCalendar", "timeline:feed_ical"),
        ("CSV", "timeline:export_csv"),
        ("JSON", "timeline:export_json"),
        ("TimelineJS JSON", "timeline:export_timelinejs"),
    ]
    return [(label, reverse(name) + suffix) for label, name in names]


class TimelineMixin:
    """A filtered, keyset-paginated timeline; ``fixed_filters`` pins filters for a permalink page."""

    fixed_filters = {}
    page_size = PAGE_SIZE

    def get_fixed_filters(self):
        return dict(self.fixed_filters)

    def get(self, request, *args, **kwargs):
        self.filter_error = None
        response = super().get(request, *args, **kwargs)
        if self.filter_error is not None:
            response.status_code = 400
        return response

    def filter_params(self):
        params = {name: self.request.GET.get(name, "").strip() for name in selectors.FILTER_PARAMS}
        params.update(self.get_fixed_filters())
        return {name: value for name, value in params.items() if value}

    def form_context(self):
        params = {name: self.request.GET.get(name, "").strip() for name in selectors.FILTER_PARAMS}
        return {
            "params": params,
            "order": self.request.GET.get("order", selectors.ORDER_NEWEST),
            "action_types": ActionType.choices,
        }

    def timeline_context(self):
        params = self.filter_params()
        filters = selectors.event_filters_from_params(params)
        order = selectors.order_from_params(self.request.GET)
        before = after = None
        if text := self.request.GET.get("before"):
            before = selectors.TimelineKey.parse("before", text)
        elif text := self.request.GET.get("after"):
            after = selectors.TimelineKey.parse("after", text)
        page = selectors.timeline_page(
            filters.apply(displayed_events()),
            order=order,
            before=before,
            after=after,
            size=self.page_size,
        )
        # Links keep the reader's filters; the pinned ones are in the page's own path already.
        shown = {k: v for k, v in params.items() if k not in self.get_fixed_filters()}
        ordered = {"order": order} if order != selectors.ORDER_NEWEST else {}
        path = self.request.path

        def link(**extra):
            encoded = urlencode({**shown, "order": order, **extra})
            return f"{path}?{encoded}"

        return {
            "timeline": page,
            "filters_active": bool(shown),
            "earlier_url": link(before=page.earlier) if page.earlier else None,
            "later_url": link(after=page.later) if page.later else None,
            "newest_url": f"{path}?{urlencode({**shown, 'order': selectors.ORDER_NEWEST})}",
            "oldest_url": f"{path}?{urlencode({**shown, 'order': selectors.ORDER_OLDEST})}",
            "downloads": download_links(urlencode({**params, **ordered})),
        }

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(self.form_context())
        try:
            context.update(self.timeline_context())
        except selectors.FilterError as error:
            # The page still renders, with the message and the form to correct it: status 400.
            self.filter_error = error
            context.update(filter_error=error, timeline=None)
        return context


class TimelineView(TimelineMixin, TemplateView):
    template_name = "timeline/timeline.html"

    def form_context(self):
        context = super().form_context()
        context["organizations"] = (
            selectors.public_organizations().order_by("name").values_list("slug", "name")
        )
        laws = selectors.public_laws().order_by("title").values_list("slug", "short_title", "title")
        context["laws"] = [(slug, short or title) for slug, short, title in laws]
        context["jurisdictions"] = [
            (code, f"{name} ({code})")
            for code, name in selectors.public_jurisdictions().order_by("name").values_list("code", "name")
        ]
        return context


class EventDetailView(DetailView):
    template_name = "timeline/event_detail.html"
    context_object_name = "event"

    def get(self, request, *args, **kwargs):
        try:
            return super().get(request, *args, **kwargs)
        except Http404:
            retracted = selectors.retracted_event(kwargs["pk"])
            if retracted is None:
                raise
            return render(request, "timeline/event_retracted.html", {"event": retracted}, status=410)

    def get_queryset(self):
        return displayed_events()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        event = self.object
        responds_to = event.responds_to
        context["responds_to"] = responds_to if responds_to and responds_to.status == "published" else None
        context["responses"] = list(displayed_events().filter(responds_to=event).chronological())
        context["last_change"] = selectors.last_change(event)
        return context


class OrganizationDetailView(TimelineMixin, DetailView):
    template_name = "timeline/organization_detail.html"
    context_object_name = "organization"

    def get_queryset(self):
        return selectors.public_organizations().select_related("parent", "jurisdiction")

    def get_fixed_filters(self):
        return {"organization": self.kwargs["slug"]}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["subsidiaries"] = list(
            selectors.public_organizations().filter(parent=self.object).order_by("name")
        )
        context["other_names"] = list(self.object.other_names.all())
        return context


class LawDetailView(DetailView):
    template_name = "timeline/law_detail.html"
    context_object_name = "law"

    def get_queryset(self):
        return selectors.public_laws().select_related("jurisdiction", "enacting_body")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        story = selectors.law_story(self.object, displayed_events())
        context["story"] = story
        context["chart"] = charts.response_chart(story) if story.responses and story.passed else ""
        context["downloads"] = download_links(urlencode({"law": self.object.slug}))
        return context


class JurisdictionDetailView(TimelineMixin, DetailView):
    template_name = "timeline/jurisdiction_detail.html"
    context_object_name = "jurisdiction"

    def get_object(self, queryset=None):
        return get_object_or_404(
            Jurisdiction.objects.select_related("parent"), code=self.kwargs["code"].upper()
        )

    def get_fixed_filters(self):
        return {"jurisdiction": self.object.code if hasattr(self, "object") else self.kwargs["code"]}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["laws"] = list(selectors.public_laws().filter(jurisdiction=self.object).order_by("title"))
        context["children"] = list(self.object.children.order_by("name"))
        return context
