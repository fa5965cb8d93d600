"""Find the jurisdiction a person wrote: a code, an ISO alias or a name in any language."""

from .names import name_index


def find_jurisdiction(text):
    """The ``Jurisdiction`` ``text`` names (``DE``, ``DEU``, ``Deutschland``, ``ドイツ``), or None."""
    # models imports this package (for JurisdictionKind): the model is read when called.
    from ..models import Jurisdiction  # noqa: PLC0415

    text = (text or "").strip()
    if not text:
        return None
    found = Jurisdiction.objects.filter(code=text.upper()).first()
    if found is None:
        code = name_index().code(text)
        if code is not None:
            found = Jurisdiction.objects.filter(code=code).first()
    if found is None:  # a jurisdiction an editor added under a name of its own, if only one has it
        named = list(Jurisdiction.objects.filter(name__iexact=text)[:2])
        found = named[0] if len(named) == 1 else None
    return found


def suggest_jurisdictions(text, limit=3):
    """ "Name (CODE)" of the jurisdictions ``text`` may have meant, closest first."""
    # models imports this package (for JurisdictionKind): the model is read when called.
    from ..models import Jurisdiction  # noqa: PLC0415

    codes = name_index().candidates(text, limit=limit)
    names = dict(Jurisdiction.objects.filter(code__in=codes).values_list("code", "name"))
    return [f"{names[code]} ({code})" for code in codes if code in names]
