"""The public pages: the timeline and a permalink per event, organization, law and jurisdiction.

Thin: what is public, what a filter means and how a page is cut come from ``selectors``; a bad
filter value is answered with the page, its message and status 400, never a 500.
"""

from urllib.parse import urlencode

from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext_lazy
from django.views.generic import DetailView, TemplateView

from . import (
    charts,
    citations,
    date_display_i18n,
    embedding,
    entity_search,
    response_bins,
    selectors,
    time_strip,
)
from .models import Jurisdiction

PAGE_SIZE = 20
EMBED_PAGE_SIZE = 10


def displayed_events():
    """Published events with what a page shows (not the other organizations: a permalink reads
    its own), in a fixed number of queries."""
    return selectors.public_events().with_relations(organizations=False)


def download_links(query):
    suffix = f"?{query}" if query else ""
    names = [
        (gettext_lazy("Atom feed"), "timeline:feed_atom"),
        (gettext_lazy("iCalendar"), "timeline:feed_ical"),
        ("CSV", "timeline:export_csv"),
        ("JSON", "timeline:export_json"),
        (gettext_lazy("TimelineJS JSON"), "timeline:export_timelinejs"),
    ]
    return [(label, reverse(name) + suffix) for label, name in names]


def link_without_cursor(path, params, order):
    return f"{path}?{urlencode({**params, 'order': order})}"


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
        return {"params": params, "order": self.request.GET.get("order", selectors.ORDER_NEWEST)}

    def parse_filters(self, params):
        """The filters, a name typed for an organization, law or jurisdiction read as the one
        entity with that name (the form's text inputs work without JavaScript). ``params`` is
        updated to the slugs and codes, so links and downloads carry those."""
        while True:
            try:
                return selectors.event_filters_from_params(params)
            except selectors.FilterError as error:
                typed = params.get(error.field, "")
                if error.field not in entity_search.KINDS:
                    raise
                try:
                    key = entity_search.key_for_name(error.field, typed)
                except entity_search.SharedName as shared:
                    raise selectors.FilterError(error.field, str(shared)) from error
                if key is None or key == typed:
                    raise
                params[error.field] = key

    def timeline_context(self):
        params = self.filter_params()
        filters = self.parse_filters(params)
        order = selectors.order_from_params(self.request.GET)
        before = after = None
        if text := self.request.GET.get("before"):
            before = selectors.TimelineKey.parse("before", text)
        elif text := self.request.GET.get("after"):
            after = selectors.TimelineKey.parse("after", text)
        matching = filters.apply(selectors.public_events())
        page = selectors.timeline_page(
            matching.with_relations(organizations=False),
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
            **self.time_context(filters, matching, page, shown, order, link),
            "shown_params": shown,
            "filters_active": bool(shown),
            "filters_count": len([name for name in shown if name != "q"]),
            "earlier_url": link(before=page.earlier) if page.earlier else None,
            "later_url": link(after=page.later) if page.later else None,
            "newest_url": f"{path}?{urlencode({**shown, 'order': selectors.ORDER_NEWEST})}",
            "oldest_url": f"{path}?{urlencode({**shown, 'order': selectors.ORDER_OLDEST})}",
            "downloads": download_links(urlencode({**params, **ordered})),
        }

    def time_context(self, filters, matching, page, shown, order, link):
        """The counts, the strip of events per year (or month) and its zoom links."""
        overview = time_strip.overview(filters, matching)
        first = page.events[0] if page.events else None
        current = None
        if first is not None:
            current = first.date_start.year if overview.zoom_year is None else first.date_start.month
        strip = time_strip.build_strip(
            overview, order=order, link=link, month_label=date_display_i18n.month_name, current=current
        )
        path = self.request.path
        context = {"overview": overview, "strip": strip, "zoom_url": None, "unzoom_url": None}
        if overview.zoom_year is not None:
            unzoomed = {k: v for k, v in shown.items() if k not in ("date_after", "date_before")}
            context["unzoom_url"] = link_without_cursor(path, unzoomed, order)
        elif first is not None:
            year = first.date_start.year
            context["zoom_year"] = year
            context["zoom_url"] = link_without_cursor(
                path, {**shown, "date_after": year, "date_before": year}, order
            )
        return context

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
    """The timeline: events first, a one-line search, the other filters in a disclosure whose
    organization, law and jurisdiction fields are text inputs (suggestions come from
    ``entity_suggestions``), the overview of time, an embed snippet."""

    template_name = "timeline/timeline.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        shown = context.get("shown_params") or {}
        order = self.request.GET.get("order", "")
        query = urlencode({**shown, **({"order": order} if order == selectors.ORDER_OLDEST else {})})
        context["embed"] = embedding.snippet(self.request, query)
        return context


class EmbedView(TimelineMixin, TemplateView):
    """The timeline with the same filters, compact and self-contained, for an ``<iframe>``."""

    template_name = "timeline/embed.html"
    page_size = EMBED_PAGE_SIZE


def entity_suggestions(request):
    """Organizations, laws or jurisdictions matching ``q`` with their public event counts (JSON)."""
    kind = request.GET.get("kind", "")
    if kind not in entity_search.KINDS:
        names = ", ".join(entity_search.KINDS)
        return JsonResponse({"error": f"kind: {kind!r} is not one of {names}"}, status=400)
    results = entity_search.suggestions(kind, request.GET.get("q", ""))
    return JsonResponse({"kind": kind, "results": results})


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
        context.update(neighbours(event))
        permalink = self.request.build_absolute_uri(event.get_absolute_url())
        context["cite"] = citations.formats(event, permalink)
        return context


def neighbours(event):
    """The public events just before and after ``event`` on the timeline (two queries), and the
    timeline opened at it."""
    key = selectors.TimelineKey.of(event)
    public = selectors.public_events().only("title", "date_start", "date_precision")
    at = selectors.TimelineKey(key.date_start, key.rank, key.id + 1)
    return {
        "previous_event": public.filter(key.earlier_q()).newest_first().first(),
        "next_event": public.filter(key.later_q()).chronological().first(),
        "timeline_url": f"{reverse('timeline:timeline')}?{urlencode({'before': str(at)})}#event-{event.pk}",
    }


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
        if not (story.responses and story.passed):
            context["chart"] = ""
        elif len(story.responses) > response_bins.BIN_ABOVE:
            context["chart"] = response_bins.binned_chart(story)
        else:
            context["chart"] = charts.response_chart(story)
        context.update(response_page(self.request, story.responses))
        context["downloads"] = download_links(urlencode({"law": self.object.slug}))
        context["law_timeline_url"] = f"{reverse('timeline:timeline')}?{urlencode({'law': self.object.slug})}"
        return context


RESPONSES_PER_PAGE = 50


def response_page(request, responses):
    """The slice of a law's responses the table shows (``?responses=N``, pages of 50) and links."""
    pages = max(1, -(-len(responses) // RESPONSES_PER_PAGE))
    try:
        number = min(max(int(request.GET.get("responses", "1")), 1), pages)
    except ValueError:
        number = 1
    start = (number - 1) * RESPONSES_PER_PAGE

    def link(n):
        return f"?{urlencode({'responses': n})}#responses-heading" if 1 <= n <= pages else None

    return {
        "shown_responses": responses[start : start + RESPONSES_PER_PAGE],
        "responses_page": number,
        "responses_pages": pages,
        "previous_responses_url": link(number - 1),
        "next_responses_url": link(number + 1),
    }


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


def oembed(request):
    """oEmbed for this site's timelines: ``?url=<page>&maxwidth=&maxheight=&format=json``."""
    if request.GET.get("format", "json") != "json":
        return JsonResponse({"error": "format: only json is offered"}, status=501)
    try:
        sizes = {name: int(request.GET[name]) for name in ("maxwidth", "maxheight") if request.GET.get(name)}
    except ValueError:
        return JsonResponse({"error": "maxwidth and maxheight are whole numbers of pixels"}, status=400)
    try:
        data = embedding.oembed(request, request.GET.get("url", ""), **sizes)
    except embedding.NotEmbeddable as error:
        return JsonResponse({"error": f"url: {error}"}, status=404)
    return JsonResponse(data)
