"""Request middleware of the timeline."""

from django.http import HttpResponseBadRequest, JsonResponse

from api.exceptions import API_PREFIX, error_body

from .control_characters import first_control_character


class RefuseControlCharactersMiddleware:
    """A query parameter holding a control character is a 400 that names it, on every path.

    No page, feed or API filter means anything by one; passed on they reach XML writers and
    databases that refuse them (a 500).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        for name, values in request.GET.lists():
            for text in (name, *values):
                character = first_control_character(text)
                if character:
                    return self.refuse(request, name, character)
        return self.get_response(request)

    @staticmethod
    def refuse(request, name, character):
        shown = repr(name) if first_control_character(name) else name
        message = f"The query parameter {shown} holds a control character ({character}); remove it."
        if request.path.startswith(API_PREFIX):
            return JsonResponse(error_body(400, "invalid", message, {name: [message]}), status=400)
        return HttpResponseBadRequest(message, content_type="text/plain; charset=utf-8")
