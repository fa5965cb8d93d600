"""Request middleware of the timeline."""

from django.http import QueryDict

from .control_characters import CONTROL_CHARACTERS, strip_control_characters


class CleanQueryParametersMiddleware:
    """Query parameters reach every view without control characters.

    No page, feed or API filter means anything by one; passed on they reach XML writers (the
    Atom feed repeats the filters in its title) and databases that refuse them (NUL): a 500.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        pairs = list(request.GET.lists())
        if any(CONTROL_CHARACTERS.search(text) for name, values in pairs for text in (name, *values)):
            cleaned = QueryDict(mutable=True)
            for name, values in pairs:
                cleaned.setlist(strip_control_characters(name), [strip_control_characters(v) for v in values])
            cleaned._mutable = False
            request.GET = cleaned
        return self.get_response(request)
