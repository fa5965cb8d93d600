import datetime

import factory
from django.contrib.auth.models import Group

from timeline import models


class JurisdictionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Jurisdiction
        django_get_or_create = ["code"]

    code = factory.Sequence(lambda n: f"Q{chr(65 + n % 26)}-{n // 26 % 1000}")
    name = factory.Sequence(lambda n: f"Jurisdiction {n}")


class OrganizationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Organization

    name = factory.Sequence(lambda n: f"Organization {n}")
    kind = models.OrganizationKind.COMPANY


class LawFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Law

    title = factory.Sequence(lambda n: f"Law number {n}")
    jurisdiction = factory.LazyFunction(lambda: models.Jurisdiction.objects.get(code="HK"))


class SourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Source

    url = factory.Sequence(lambda n: f"https://news.example.org/story/{n}")
    outlet = "Example News"
    title = factory.Sequence(lambda n: f"Story {n}")
    published = datetime.date(2020, 7, 7)


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Event

    title = factory.Sequence(lambda n: f"Event {n}")
    summary = "What happened, in a sentence."
    action_type = models.ActionType.STATEMENT
    actor = factory.SubFactory(OrganizationFactory)
    date_text = factory.LazyAttribute(lambda o: o.date_start.isoformat())
    date_start = factory.Sequence(lambda n: datetime.date(2020, 1, 1) + datetime.timedelta(days=n))
    date_end = factory.LazyAttribute(lambda o: o.date_start)
    date_precision = models.Precision.DAY
    status = models.EventStatus.PUBLISHED


class CitationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Citation

    event = factory.SubFactory(EventFactory)
    source = factory.SubFactory(SourceFactory)
    quote = "We are pausing."


def member_of(django_user_model, username, group_name, *, is_staff=False):
    """A user in one of the roles' groups ("editor", "reviewer"), as the migrations define them."""
    user = django_user_model.objects.create_user(
        username, password="a long test password 1", is_staff=is_staff
    )
    user.groups.add(Group.objects.get(name=group_name))
    return user
