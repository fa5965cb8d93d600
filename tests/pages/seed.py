"""The Hong Kong 2020 story as the import of seeds/hong-kong-2020.csv makes it, built with factories."""

import datetime

from tests.factories import (
    CitationFactory,
    EventFactory,
    JurisdictionFactory,
    LawFactory,
    OrganizationFactory,
    SourceFactory,
)
from timeline import models

JUNE_30 = datetime.date(2020, 6, 30)
JULY_6 = datetime.date(2020, 7, 6)
JULY_7 = datetime.date(2020, 7, 7)


def day(event_date, text):
    return {"date_start": event_date, "date_end": event_date, "date_precision": "day", "date_text": text}


def create_hong_kong_2020():
    hk = JurisdictionFactory(code="HK", name="Hong Kong")
    law = LawFactory(title="Hong Kong National Security Law", jurisdiction=hk)
    source = SourceFactory(
        url="https://www.myce.com/news/facebook-whatsapp-to-stop-hong-kong-data-requests-92696/",
        outlet="MyCE",
        title="Facebook, WhatsApp to Stop Hong Kong Data Requests",
        published=JULY_7,
    )
    npc = OrganizationFactory(name="National People's Congress Standing Committee", kind="legislature")
    facebook = OrganizationFactory(name="Facebook")
    whatsapp = OrganizationFactory(name="WhatsApp", parent=facebook)
    telegram = OrganizationFactory(name="Telegram")
    twitter = OrganizationFactory(name="Twitter")
    google = OrganizationFactory(name="Google")
    proprivacy = OrganizationFactory(name="ProPrivacy", kind="ngo")

    def event(actor, action, title, summary, date, quote="", speaker="", responds_to=None):
        made = EventFactory(
            actor=actor,
            action_type=action,
            title=title,
            summary=summary,
            jurisdiction=hk,
            law=law,
            responds_to=responds_to,
            **date,
        )
        CitationFactory(event=made, source=source, quote=quote, speaker=speaker)
        return made

    passed = event(
        npc,
        "law_passed",
        "China's legislature passes the Hong Kong national security law",
        "Beijing's top legislative body adopts a national security law for Hong Kong.",
        day(JUNE_30, "June 30, 2020"),
    )
    fb = event(
        facebook,
        "data_request_policy",
        "Facebook pauses Hong Kong government requests for user data",
        "Facebook says it will not review requests for user information from the Hong Kong government.",
        day(JULY_6, "Monday, July 6, 2020"),
        quote="We believe freedom of expression is a fundamental human right.",
        speaker="Facebook spokesperson",
        responds_to=passed,
    )
    wa = event(
        whatsapp,
        "data_request_policy",
        "WhatsApp pauses reviews of Hong Kong data requests",
        "Facebook's messaging service stops reviewing Hong Kong law-enforcement requests for user data.",
        day(JULY_6, "Monday, July 6, 2020"),
        quote="pending further assessment of the impact of the national security law",
        speaker="WhatsApp",
        responds_to=passed,
    )
    tg = event(
        telegram,
        "data_request_policy",
        "Telegram stops cooperating with Hong Kong data requests",
        "The encrypted messaging app suspends its cooperation with Hong Kong law-enforcement agencies.",
        day(JULY_7, "a week after June 30, 2020"),
        responds_to=passed,
    )
    tw = event(
        twitter,
        "data_request_policy",
        "Twitter pauses new Hong Kong requests for user data",
        "Twitter joins the other platforms in holding back on new requests for user information.",
        day(JULY_7, "a week after June 30, 2020"),
        responds_to=passed,
    )
    go = event(
        google,
        "data_request_policy",
        "Google stops producing data for new Hong Kong requests",
        "Google likewise pauses its handling of new data requests from Hong Kong authorities.",
        day(JULY_7, "a week after June 30, 2020"),
        responds_to=passed,
    )
    pp = event(
        proprivacy,
        "statement",
        "ProPrivacy welcomes Facebook's pause",
        "The digital rights group praises Facebook's decision.",
        {
            "date_start": datetime.date(2020, 7, 1),
            "date_end": datetime.date(2020, 7, 31),
            "date_precision": "month",
            "date_text": "July 2020",
        },
        quote="win for both digital privacy and human rights in the region.",
        speaker="ProPrivacy",
        responds_to=fb,
    )
    return {
        "law": law,
        "hk": hk,
        "passed": passed,
        "facebook": fb,
        "whatsapp": wa,
        "telegram": tg,
        "twitter": tw,
        "google": go,
        "proprivacy": pp,
        "orgs": {"facebook": facebook, "whatsapp": whatsapp, "telegram": telegram},
        "source": source,
    }


def published_count():
    return models.Event.objects.public().count()
