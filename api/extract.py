"""``POST /api/v1/extract/``: the candidate events of an article, as JSON; nothing is written.

The article comes as JSON (``text`` or ``html``) or as a multipart ``file`` (text, Markdown or
HTML), with its ``published`` date (else the page's own), ``url``, ``language``, ``outlet`` and
``title``. The candidates are those of ``manage.py extract_events`` (the import columns plus
``date_start``, ``date_end``, ``date_precision``, ``evidence``) with what the editor reviews:
the date as written, where it came from, the quotes, and what needs review.
"""

from drf_spectacular.utils import extend_schema
from rest_framework import exceptions, serializers
from rest_framework.parsers import JSONParser, MultiPartParser
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from timeline import article_events
from timeline.extraction import MAX_ARTICLE_BYTES, ArticleError, read_article
from timeline.extraction.article import check_size
from timeline.extraction.rows import candidates_json

from .mixins import ApiViewMixin
from .schema import WRITE_ERRORS, responses

# A request body may carry the article and some JSON around it.
MAX_BODY_BYTES = MAX_ARTICLE_BYTES + 64 * 1024


class ArticleSerializer(serializers.Serializer):
    text = serializers.CharField(required=False, trim_whitespace=False, help_text="Plain text or Markdown.")
    html = serializers.CharField(required=False, trim_whitespace=False, help_text="A page's HTML.")
    file = serializers.FileField(required=False, help_text="Multipart: a .txt, .md or .html file.")
    published = serializers.DateField(required=False, help_text="Else the page's own date.")
    url = serializers.URLField(required=False, allow_blank=True, default="")
    language = serializers.CharField(required=False, allow_blank=True, default="", max_length=8)
    outlet = serializers.CharField(required=False, allow_blank=True, default="", max_length=200)
    title = serializers.CharField(required=False, allow_blank=True, default="", max_length=500)

    def validate(self, attrs):
        given = [name for name in ("text", "html", "file") if attrs.get(name) not in (None, "")]
        if len(given) != 1:
            raise serializers.ValidationError("Give exactly one of text, html or file.")
        return attrs


class CandidateSerializer(serializers.Serializer):
    id = serializers.CharField()
    actor = serializers.CharField()
    action_type = serializers.CharField()
    title = serializers.CharField()
    summary = serializers.CharField()
    raw_date = serializers.CharField()
    date_text = serializers.CharField()
    date_start = serializers.CharField()
    date_end = serializers.CharField()
    date_precision = serializers.CharField()
    date_approximate = serializers.BooleanField()
    date_source = serializers.CharField()
    evidence = serializers.CharField()
    quote = serializers.CharField()
    quote_speaker = serializers.CharField()
    responds_to = serializers.CharField()
    needs_review = serializers.ListField(child=serializers.CharField())
    already_on_timeline = serializers.IntegerField(allow_null=True, help_text="The matching event's id.")


class ExtractionSerializer(serializers.Serializer):
    article = serializers.DictField()
    candidates = CandidateSerializer(many=True)


class ExtractView(ApiViewMixin, APIView):
    """Candidate events of one article for a signed-in user; the tracker is not changed."""

    permission_classes = [IsAuthenticated]
    parser_classes = [JSONParser, MultiPartParser]

    @extend_schema(
        summary="Candidate events of a news article (nothing is written)",
        request={"application/json": ArticleSerializer, "multipart/form-data": ArticleSerializer},
        responses=responses(ExtractionSerializer, WRITE_ERRORS),
    )
    def post(self, request):
        length = int(request.META.get("CONTENT_LENGTH") or 0)
        if length > MAX_BODY_BYTES:
            # Refused before the body is read: a 50 MB post costs nothing but this answer.
            raise exceptions.ValidationError(
                f"The request is {length / 1024 / 1024:.1f} MB; articles over "
                f"{MAX_ARTICLE_BYTES / 1024 / 1024:.0f} MB are refused."
            )
        params = ArticleSerializer(data=request.data)
        params.is_valid(raise_exception=True)
        values = params.validated_data
        upload = values.get("file")
        try:
            if upload is not None:
                article = read_article(
                    _read_upload(upload),
                    name=upload.name,
                    content_type=upload.content_type or "",
                    **_given(values),
                )
            else:
                kind = "html" if values.get("html") else ""
                article = read_article(values.get("html") or values["text"], kind=kind, **_given(values))
        except ArticleError as error:
            raise exceptions.ValidationError(
                {"file" if upload is not None else "text": [str(error)]}
            ) from error
        if article.published is None:
            raise exceptions.ValidationError(
                {"published": ["Give the publication date: relative dates cannot be read without it."]}
            )
        extraction = article_events.extract_known(article)
        existing = article_events.existing_events(extraction)
        candidates = candidates_json(extraction)
        for candidate, found in zip(extraction.candidates, candidates, strict=True):
            event = existing.get(candidate.key)
            found["already_on_timeline"] = event.pk if event is not None else None
        body = {
            "article": {
                "title": article.title,
                "published": article.published.isoformat(),
                "outlet": article.outlet,
                "url": article.url,
                "language": extraction.language,
            },
            "candidates": candidates,
        }
        return Response(body)


def _given(values):
    return {name: values.get(name) or "" for name in ("url", "language", "outlet", "title")} | {
        "published": values.get("published")
    }


def _read_upload(upload):
    check_size(upload.size or 0, name=upload.name)
    return upload.read()
