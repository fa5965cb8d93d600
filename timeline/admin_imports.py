"""Admin for imports: upload a file, watch its batch, review and re-run its rows."""

import json

from django import forms
from django.contrib import admin
from django.db.models import Count, Q
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.http import urlencode
from django.utils.translation import ngettext

from .importing.processing import batch_counts
from .importing.readers import FORMATS, ImportFileError
from .importing.staging import rerun_row, rerun_rows
from .importing.uploads import accept_upload
from .models import ImportBatch, ImportBatchStatus, ImportRow, ImportRowStatus

RERUNNABLE = [ImportRowStatus.FAILED, ImportRowStatus.NEEDS_REVIEW]
# A batch page in one of these reloads itself until the batch is done or failed.
RUNNING = [ImportBatchStatus.STAGING, ImportBatchStatus.STAGED, ImportBatchStatus.PROCESSING]
RELOAD_SECONDS = 2


class UploadForm(forms.Form):
    file = forms.FileField(help_text="CSV (comma, semicolon or tab), a JSON list of objects, or NDJSON.")
    format = forms.ChoiceField(
        choices=[("", "from the file's extension"), *[(f, f.upper()) for f in FORMATS]], required=False
    )


def _rows_url(batch_id, status=None):
    query = {"batch__id__exact": batch_id}
    if status:
        query["status__exact"] = status
    return f"{reverse('admin:timeline_importrow_changelist')}?{urlencode(query)}"


def _duration(start, end):
    if start is None:
        return "—"
    seconds = ((end or timezone.now()) - start).total_seconds()
    return f"{seconds:.1f} s" if seconds < 120 else f"{seconds / 60:.1f} min"


@admin.register(ImportBatch)
class ImportBatchAdmin(admin.ModelAdmin):
    list_display = [
        "id",
        "file_name",
        "format",
        "status",
        "progress",
        "created_count",
        "updated_count",
        "unchanged_count",
        "review_count",
        "failed_count",
        "created_by",
        "created_at",
        "duration",
    ]
    list_display_links = ["id", "file_name"]
    list_filter = ["status", "format"]
    search_fields = ["file_name"]
    list_select_related = ["created_by"]
    actions = ["rerun_problem_rows"]
    change_form_template = "admin/timeline/importbatch/change_form.html"
    readonly_fields = [
        "file_name",
        "format",
        "status",
        "progress",
        "created_by",
        "created_at",
        "started_at",
        "progress_at",
        "finished_at",
        "duration",
        "total_rows",
        "row_counts",
        "notes",
    ]
    exclude = ["messages"]

    def get_queryset(self, request):
        counts = {
            f"n_{status}": Count("rows", filter=Q(rows__status=status)) for status in ImportRowStatus.values
        }
        return super().get_queryset(request).annotate(**counts)

    def get_urls(self):
        upload = path(
            "upload/", self.admin_site.admin_view(self.upload_view), name="timeline_importbatch_upload"
        )
        return [upload, *super().get_urls()]

    def add_view(self, request, form_url="", extra_context=None):
        return HttpResponseRedirect(reverse("admin:timeline_importbatch_upload"))

    def has_change_permission(self, request, obj=None):
        # The batch is a record of what happened: viewable, never edited by hand.
        return False

    def change_view(self, request, object_id, form_url="", extra_context=None):
        batch = self.get_object(request, object_id)
        running = batch is not None and batch.status in RUNNING
        extra_context = {**(extra_context or {}), "reload_seconds": RELOAD_SECONDS if running else None}
        return super().change_view(request, object_id, form_url, extra_context)

    def upload_view(self, request):
        if not self.has_add_permission(request):
            return HttpResponseRedirect(reverse("admin:index"))
        form = UploadForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                batch = accept_upload(
                    upload,
                    file_name=upload.name,
                    file_format=form.cleaned_data["format"] or None,
                    user=request.user,
                )
            except ImportFileError as error:
                form.add_error("file", str(error))
            else:
                self.message_user(
                    request,
                    f"{upload.name}: received as batch {batch.pk}; its rows are read and processed "
                    "in the background, this page shows how far they got.",
                )
                return HttpResponseRedirect(reverse("admin:timeline_importbatch_change", args=[batch.pk]))
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": "Upload an import file",
            "form": form,
        }
        return TemplateResponse(request, "admin/timeline/importbatch/upload.html", context)

    @admin.display(description="progress")
    def progress(self, batch):
        if batch.status == ImportBatchStatus.STAGING:
            read = batch.bytes_staged
            return format_html(
                '<progress value="{}" max="{}" title="{}%"></progress> reading the file: {} rows so far, {}',
                read,
                batch.file_size or 1,
                int(100 * read / batch.file_size) if batch.file_size else 0,
                f"{batch.total_rows:,}",
                f"{read / 1e6:,.1f} of {batch.file_size / 1e6:,.1f} MB",
            )
        total = batch.total_rows
        done = total - getattr(batch, "n_pending", 0)
        percent = int(100 * done / total) if total else 100
        return format_html(
            '<progress value="{}" max="{}" title="{}%"></progress> {}/{} rows processed',
            done,
            total or 1,
            percent,
            done,
            total,
        )

    def _count(self, batch, status):
        count = getattr(batch, f"n_{status}", 0)
        if not count:
            return 0
        return format_html('<a href="{}">{}</a>', _rows_url(batch.pk, status), count)

    @admin.display(description="created")
    def created_count(self, batch):
        return self._count(batch, ImportRowStatus.CREATED)

    @admin.display(description="updated")
    def updated_count(self, batch):
        return self._count(batch, ImportRowStatus.UPDATED)

    @admin.display(description="unchanged")
    def unchanged_count(self, batch):
        return self._count(batch, ImportRowStatus.UNCHANGED)

    @admin.display(description="needs review")
    def review_count(self, batch):
        return self._count(batch, ImportRowStatus.NEEDS_REVIEW)

    @admin.display(description="failed")
    def failed_count(self, batch):
        return self._count(batch, ImportRowStatus.FAILED)

    @admin.display(description="duration")
    def duration(self, batch):
        return _duration(batch.started_at, batch.finished_at)

    @admin.display(description="rows by status")
    def row_counts(self, batch):
        counts = batch_counts(batch.pk)
        links = [(_rows_url(batch.pk), "all", counts["rows"])]
        links += [
            (_rows_url(batch.pk, status), label, counts[status])
            for status, label in ImportRowStatus.choices
            if counts[status]
        ]
        return format_html_join(" · ", '<a href="{}">{}: {}</a>', links)

    @admin.display(description="notes")
    def notes(self, batch):
        if not batch.messages:
            return "—"
        return format_html_join("", "<p>{}</p>", ((str(note),) for note in batch.messages))

    def has_rerun_permission(self, request):
        return request.user.has_perm("timeline.change_importrow")

    @admin.action(description="Re-run failed and needs-review rows", permissions=["rerun"])
    def rerun_problem_rows(self, request, queryset):
        count = rerun_rows(
            ImportRow.objects.filter(batch__in=queryset, status__in=RERUNNABLE), user=request.user
        )
        self.message_user(request, ngettext("%d row re-run.", "%d rows re-run.", count) % count)


class ImportRowForm(forms.ModelForm):
    raw = forms.JSONField(
        widget=forms.Textarea(attrs={"rows": 20, "cols": 100}),
        help_text="The row as the file gave it, column: value. Correct it, then save and re-run.",
    )

    class Meta:
        model = ImportRow
        fields = ["raw"]

    def clean_raw(self):
        raw = self.cleaned_data["raw"]
        if not isinstance(raw, dict):
            raise forms.ValidationError('Give an object of column: value, like {"actor": "Facebook"}.')
        return raw


@admin.register(ImportRow)
class ImportRowAdmin(admin.ModelAdmin):
    form = ImportRowForm
    change_form_template = "admin/timeline/importrow/change_form.html"
    list_display = ["row_number", "batch", "status", "short_messages", "event_link", "processed_at"]
    list_display_links = ["row_number"]
    list_filter = ["status", "batch"]
    list_select_related = ["batch", "event"]
    list_per_page = 100
    readonly_fields = ["batch", "row_number", "status", "message_list", "event_link", "processed_at"]
    fields = ["batch", "row_number", "status", "message_list", "event_link", "processed_at", "raw"]
    actions = ["rerun"]

    def has_add_permission(self, request):
        return False

    @admin.display(description="messages")
    def short_messages(self, row):
        texts = [_text(note) for note in row.messages or []]
        shown = "; ".join(texts)
        return shown if len(shown) <= 160 else f"{shown[:159]}…"

    @admin.display(description="messages")
    def message_list(self, row):
        if not row.messages:
            return "—"
        return format_html_join(
            "", "<p><strong>{}</strong> {}</p>", ((_level(note), _text(note)) for note in row.messages)
        )

    @admin.display(description="event")
    def event_link(self, row):
        if row.event_id is None:
            return "—"
        return format_html(
            '<a href="{}">{}</a>', reverse("admin:timeline_event_change", args=[row.event_id]), row.event
        )

    def response_change(self, request, obj):
        if "_rerun" in request.POST:
            rerun_row(obj, raw=obj.raw, user=request.user)
            self.message_user(request, f"Row {obj.row_number} saved and sent to be processed again.")
            return HttpResponseRedirect(request.path)
        return super().response_change(request, obj)

    @admin.action(description="Re-run selected rows", permissions=["change"])
    def rerun(self, request, queryset):
        count = rerun_rows(queryset, user=request.user)
        self.message_user(request, ngettext("%d row re-run.", "%d rows re-run.", count) % count)


def _text(note):
    return note.get("text", json.dumps(note)) if isinstance(note, dict) else str(note)


def _level(note):
    return note.get("level", "") if isinstance(note, dict) else ""
