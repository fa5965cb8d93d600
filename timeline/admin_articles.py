"""Admin: "New events from an article". Paste or upload an article, review the dated events it
reports (the text with its dates, organizations, laws and places marked; one form per candidate:
accept, edit any field, or leave it) and create them as drafts (or published, for reviewers)
with the article as their source. Candidates already on the timeline add the article as another
source of the existing event instead.
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

from . import article_events, services
from .extraction import MAX_ARTICLE_BYTES, ArticleError, read_article
from .extraction.article import check_size
from .extraction.rows import candidates_json
from .importing.resolve import Resolver
from .models import ActionType, Event, EventStatus, OrganizationKind

TEXT_LIMIT = MAX_ARTICLE_BYTES


class ArticleForm(forms.Form):
    text = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 14, "cols": 100}),
        required=False,
        strip=False,
        help_text="The article as plain text, Markdown or HTML; or upload it below.",
    )
    file = forms.FileField(required=False, help_text="A .txt, .md or .html file.")
    published = forms.DateField(
        required=False,
        help_text="YYYY-MM-DD. Needed to read 'Monday' or 'last week'; taken from the page when it says.",
    )
    url = forms.URLField(
        required=False, max_length=1000, assume_scheme="https", help_text="The article's address: its source."
    )
    outlet = forms.CharField(required=False, max_length=200)
    title = forms.CharField(required=False, max_length=500)
    language = forms.CharField(
        required=False, max_length=8, help_text="ISO 639-1; told by the text if empty."
    )

    def clean(self):
        cleaned = super().clean()
        upload, text = cleaned.get("file"), cleaned.get("text") or ""
        if (upload is None) == (not text.strip()):
            raise ValidationError("Paste the article or upload its file (one of them).")
        values = {name: cleaned.get(name) or "" for name in ("url", "outlet", "title", "language")}
        try:
            if upload is not None:
                check_size(upload.size or 0, name=upload.name)
                article = read_article(
                    upload.read(), name=upload.name, published=cleaned.get("published"), **values
                )
            else:
                article = read_article(text, published=cleaned.get("published"), **values)
        except ArticleError as error:
            raise ValidationError(str(error)) from error
        if article.published is None:
            self.add_error(
                "published", "Give the publication date: relative dates cannot be read without it."
            )
        cleaned["article"] = article
        return cleaned


class CandidateForm(forms.Form):
    accept = forms.BooleanField(required=False)
    key = forms.CharField(widget=forms.HiddenInput)
    existing = forms.IntegerField(required=False, widget=forms.HiddenInput)
    actor = forms.CharField(max_length=200)
    actor_kind = forms.ChoiceField(choices=[("", "—"), *OrganizationKind.choices], required=False)
    parent = forms.CharField(max_length=200, required=False)
    action_type = forms.ChoiceField(choices=ActionType.choices)
    title = forms.CharField(max_length=300)
    summary = forms.CharField(widget=forms.Textarea(attrs={"rows": 3, "cols": 60}), required=False)
    date_text = forms.CharField(max_length=200, label="Date as written")
    jurisdiction = forms.CharField(max_length=12, required=False)
    law = forms.CharField(max_length=300, required=False)
    quote = forms.CharField(widget=forms.Textarea(attrs={"rows": 2, "cols": 60}), required=False)
    quote_speaker = forms.CharField(max_length=200, required=False)
    responds_to = forms.CharField(required=False, widget=forms.HiddenInput)
    status = forms.ChoiceField(choices=[(EventStatus.DRAFT, "draft"), (EventStatus.PUBLISHED, "published")])


CandidateFormSet = forms.formset_factory(CandidateForm, extra=0, max_num=500)


def _article_from_hidden(request) -> ArticleForm:
    return ArticleForm(request.POST, request.FILES or None)


def article_view(model_admin, request):
    """The two steps: find the candidates of an article, then create the accepted ones."""
    if not model_admin.has_add_permission(request):
        raise PermissionDenied
    reviewer = services.can_publish(request.user)
    form = ArticleForm(request.POST or None, request.FILES or None)
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.model._meta,
        "title": "New events from an article",
        "form": form,
        "reviewer": reviewer,
    }
    if request.method != "POST" or not form.is_valid():
        return TemplateResponse(request, "admin/timeline/event/from_article.html", context)
    article = form.cleaned_data["article"]
    if "_create" in request.POST:
        formset = CandidateFormSet(request.POST, prefix="candidate")
        if formset.is_valid():
            created, errors = _create(formset, article, request.user, reviewer)
            if not errors:
                model_admin.message_user(
                    request, f"{created} event(s) written from {article.title or 'the article'}."
                )
                return HttpResponseRedirect(reverse("admin:timeline_event_changelist"))
            for error in errors:
                messages.error(request, error)
        extraction = article_events.extract_known(article)
    else:
        extraction = article_events.extract_known(article)
        existing = article_events.existing_events(extraction)
        initial = []
        for candidate, values in zip(extraction.candidates, candidates_json(extraction), strict=True):
            event = existing.get(candidate.key)
            initial.append(
                {
                    **{name: values[name] for name in CandidateForm.base_fields if name in values},
                    "key": candidate.key,
                    "date_text": values["raw_date"] or candidate.date_text,
                    "existing": event.pk if event is not None else None,
                    "responds_to": str(candidate.responds_to + 1)
                    if candidate.responds_to is not None
                    else "",
                    "status": EventStatus.DRAFT,
                    "accept": False,
                }
            )
        formset = CandidateFormSet(initial=initial, prefix="candidate")
    # The review step carries the article as text (an uploaded file is not sent twice).
    context["form"] = ArticleForm(
        initial={
            "text": article.text,
            "published": article.published,
            "url": article.url,
            "outlet": article.outlet,
            "title": article.title,
            "language": article.language,
        }
    )
    context.update(
        {
            "article": article,
            "extraction": extraction,
            "marked_text": marked_text(extraction),
            "rows": _rows(formset, extraction),
            "formset": formset,
            "text_for_resubmit": article.text,
        }
    )
    return TemplateResponse(request, "admin/timeline/event/from_article.html", context)


def _rows(formset, extraction):
    by_key = {candidate.key: candidate for candidate in extraction.candidates}
    rows = []
    for form in formset:
        key = form["key"].value()
        rows.append({"form": form, "candidate": by_key.get(str(key))})
    return rows


def _create(formset, article, user, reviewer):
    """Write the accepted candidates, law milestones first so responses can point at them."""
    accepted = [form.cleaned_data for form in formset if form.cleaned_data.get("accept")]
    if not accepted:
        return 0, ["Tick 'accept' on at least one candidate."]
    if not article.url:
        return 0, ["Give the article's URL: it becomes the source of the events."]
    milestones = {"law_passed", "law_signed", "law_in_force", "law_struck_down"}
    accepted.sort(key=lambda values: values["action_type"] not in milestones)
    written, errors = {}, []
    resolver = Resolver()
    for values in accepted:
        if values["status"] == EventStatus.PUBLISHED and not reviewer:
            values["status"] = EventStatus.DRAFT
        existing = Event.objects.filter(pk=values["existing"]).first() if values.get("existing") else None
        responds_to = written.get(values.get("responds_to") or "")
        try:
            event = article_events.accept(
                values, article=article, user=user, responds_to=responds_to, event=existing, resolver=resolver
            )
        except (ValidationError, PermissionDenied) as error:
            errors.append(f"{values['actor']} ({values['action_type']}): {_message(error)}")
            continue
        written[values["key"]] = event
    return len(written), errors


def _message(error):
    if isinstance(error, ValidationError) and hasattr(error, "message_dict"):
        return "; ".join(f"{field}: {' '.join(texts)}" for field, texts in error.message_dict.items())
    return " ".join(getattr(error, "messages", [str(error)]))


def marked_text(extraction) -> str:
    """The article's text, escaped, with its dates, organizations, laws and places in <mark>s."""
    text = extraction.article.text
    spans = [(m.span[0], m.span[1], "date", m.value.iso) for m in extraction.dates]
    spans += [
        (m.start, m.end, "organization" if m.known else "proposed", m.name) for m in extraction.organizations
    ]
    spans += [(m.start, m.end, "law", m.name) for m in extraction.laws]
    spans += [(m.start, m.end, "jurisdiction", m.detail) for m in extraction.jurisdictions]
    spans.sort(key=lambda span: (span[0], -span[1]))
    pieces, position = [], 0
    for start, end, kind, note in spans:
        if start < position:
            continue  # nested or overlapping: the first, longest one is shown
        pieces.append(escape(text[position:start]))
        pieces.append(
            format_html('<mark class="x-{}" title="{}: {}">{}</mark>', kind, kind, note, text[start:end])
        )
        position = end
    pieces.append(escape(text[position:]))
    return mark_safe("".join(str(piece) for piece in pieces))  # noqa: S308 - every piece escaped above
