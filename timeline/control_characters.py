"""Control characters: cleaned out of text on the way in, refused in query parameters.

Nothing a person writes needs them, and they break what the product emits: XML 1.0 (the Atom
feed) cannot carry C0 controls, PostgreSQL refuses NUL in text. Tab, line feed and carriage
return are ordinary text and stay. The raw rows of an import keep every character (nothing is
lost); the values taken from them are cleaned.
"""

import re

from django.db import models

# C0 controls but tab, LF and CR; DEL and the C1 controls; lone surrogates; the non-characters
# U+FFFE and U+FFFF. This is what XML 1.0 refuses, plus C1 and DEL, which no text needs.
CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def strip_control_characters(value):
    """``value`` without control characters (anything that is not a str is returned as it is)."""
    if isinstance(value, str) and CONTROL_CHARACTERS.search(value):
        return CONTROL_CHARACTERS.sub("", value)
    return value


def first_control_character(value):
    """The first control character in ``value`` as "U+0001", or "" when there is none."""
    found = CONTROL_CHARACTERS.search(value)
    return f"U+{ord(found.group()):04X}" if found else ""


def clean_text_fields(sender, instance, **kwargs):
    """pre_save receiver: clean every character field of a model instance before it is written."""
    for field in sender._meta.concrete_fields:
        if isinstance(field, models.CharField | models.TextField) and not field.generated:
            value = getattr(instance, field.attname)
            cleaned = strip_control_characters(value)
            if cleaned is not value:
                setattr(instance, field.attname, cleaned)
