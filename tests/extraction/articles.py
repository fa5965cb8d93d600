"""Articles written for these tests (not copied from any outlet), each with the events a careful
editor would take from it: (actor, action type, first day, last day, approximate)."""

import datetime

D = datetime.date

ARTICLES = {
    "en_relative_quote": {
        "published": D(2023, 3, 9),
        "language": "en",
        "text": (
            "Regulator fines Acme Cloud over data transfers\n"
            "The Irish Data Protection Commission fined Acme Cloud on Tuesday for sending user data "
            "abroad without safeguards.\n"
            "Acme Cloud said it would appeal. “We disagree with the decision and will challenge it,” "
            "a spokeswoman for Acme Cloud said."
        ),
        "events": [
            ("Irish Data Protection Commission", "government_order", D(2023, 3, 7), D(2023, 3, 7), False)
        ],
    },
    "en_several_dates": {
        "published": D(2021, 11, 30),
        "language": "en",
        "text": (
            "Montana's TikTok ban, from passage to court\n"
            "The Montana Legislature passed the TikTok ban bill on April 14, 2023. Governor Greg "
            "Gianforte signed the bill on May 17, 2023.\n"
            "A federal court blocked the ban on November 30, 2023, one month before it was to take effect."
        ),
        "events": [
            ("Montana Legislature", "law_passed", D(2023, 4, 14), D(2023, 4, 14), False),
            ("Governor Greg Gianforte", "law_signed", D(2023, 5, 17), D(2023, 5, 17), False),
        ],
    },
    "en_anchored": {
        "published": D(2022, 6, 20),
        "language": "en",
        "text": (
            "Streaming service exits after new rules\n"
            "The Ruritanian parliament adopted the Online Content Act on June 1, 2022.\n"
            "Two weeks after the parliament adopted the Online Content Act, StreamCo withdrew its "
            "service from the country, the company confirmed."
        ),
        "events": [
            ("Ruritanian parliament", "law_passed", D(2022, 6, 1), D(2022, 6, 1), False),
            ("StreamCo", "service_withdrawn", D(2022, 6, 15), D(2022, 6, 15), True),
        ],
    },
    "en_no_event": {
        "published": D(2024, 1, 15),
        "language": "en",
        "text": (
            "What the new privacy rules could mean\n"
            "Lawmakers may vote on the privacy bill next month, and experts say several companies "
            "could suspend services if it passes. Nothing has been decided yet, and the debate "
            "continues in committee."
        ),
        "events": [],
    },
    "en_negation": {
        "published": D(2024, 2, 2),
        "language": "en",
        "text": (
            "Messaging app stays put\n"
            "SignalWire did not suspend its service in the country on Thursday, despite the new "
            "order, and it has never handed over user data, its founder said."
        ),
        "events": [],
    },
    "fr_adoption": {
        "published": D(2021, 3, 10),
        "language": "fr",
        "text": (
            "Le Parlement adopte la loi sur la sécurité numérique\n"
            "Le Sénat a adopté la loi sur la sécurité numérique le 3 mars 2021. "
            "La loi entrera en vigueur en janvier."
        ),
        "events": [("Sénat", "law_passed", D(2021, 3, 3), D(2021, 3, 3), False)],
    },
    "de_suspension": {
        "published": D(2019, 5, 9),
        "language": "de",
        "text": (
            "Dienst gestoppt\n"
            "Die Netzwerk AG hat am 6. Mai 2019 die Bearbeitung von Datenanfragen der Behörden ausgesetzt. "
            "Das Unternehmen erklärte, es prüfe das neue Gesetz."
        ),
        "events": [("Netzwerk AG", "data_request_policy", D(2019, 5, 6), D(2019, 5, 6), False)],
    },
    "es_struck_down": {
        "published": D(2022, 5, 6),
        "language": "es",
        "text": (
            "El tribunal anula la ley de datos\n"
            "La Corte Suprema anuló la ley de protección de datos el 5 de mayo de 2022. "
            "La asociación Datos Libres celebró la decisión."
        ),
        "events": [("Corte Suprema", "law_struck_down", D(2022, 5, 5), D(2022, 5, 5), False)],
    },
    "pt_blocked": {
        "published": D(2023, 4, 28),
        "language": "pt",
        "text": (
            "Justiça bloqueia aplicativo\n"
            "O Tribunal Regional bloqueou o aplicativo Chatify em 26 de abril de 2023 por não "
            "entregar dados à polícia."
        ),
        "events": [("Tribunal Regional", "service_blocked", D(2023, 4, 26), D(2023, 4, 26), False)],
    },
    "it_lawsuit": {
        "published": D(2020, 10, 2),
        "language": "it",
        "text": (
            "Causa contro il garante\n"
            "La società VideoNet ha fatto causa al Garante il 30 settembre 2020 per il blocco dei contenuti."
        ),
        "events": [("VideoNet", "lawsuit_filed", D(2020, 9, 30), D(2020, 9, 30), False)],
    },
    "zh_passed": {
        "published": D(2020, 7, 7),
        "language": "zh",
        "text": "全国人大常委会2020年6月30日表决通过香港国安法。脸书7月6日暂停处理香港政府的数据请求。",
        "events": [
            ("全国人大常委会", "law_passed", D(2020, 6, 30), D(2020, 6, 30), False),
            ("脸书", "data_request_policy", D(2020, 7, 6), D(2020, 7, 6), False),
        ],
    },
    "ru_blocked": {
        "published": D(2018, 4, 17),
        "language": "ru",
        "text": (
            "Роскомнадзор заблокировал мессенджер\n"
            "Роскомнадзор 16 апреля 2018 года заблокировал сервис Telegram по решению суда."
        ),
        "events": [("Роскомнадзор", "service_blocked", D(2018, 4, 16), D(2018, 4, 16), False)],
    },
    "en_long_report": {
        "published": D(2025, 2, 22),
        "language": "en",
        "text": (
            "Cloud provider pulls encrypted backups in Britain after government demand\n"
            "LONDON, Feb 21 (Newswire) - NimbusCloud said on Friday it would remove its most secure data "
            "storage feature for British users, after the government demanded access to encrypted data.\n"
            '"We are gravely disappointed that these protections will not be available to our customers," '
            'NimbusCloud said. "We have never built a backdoor into any of our products and we never will."\n'
            "The Home Office declined to comment. Privacy campaigners said the decision set a dangerous "
            "precedent, and the Open Rights Group warned that other countries could follow.\n"
            "NimbusCloud has previously threatened to withdraw services from the country rather than weaken "
            "its security. ChatWave has also said it would leave the market rather than weaken encryption "
            "under the Online Safety Act, which Parliament passed in September 2023."
        ),
        "events": [
            ("NimbusCloud", "statement", D(2025, 2, 22), D(2025, 2, 22), True),
            ("Parliament", "law_passed", D(2023, 9, 1), D(2023, 9, 30), False),
        ],
    },
    "de_dateline_court": {
        "published": D(2020, 7, 17),
        "language": "de",
        "text": (
            "Gericht kippt Datenabkommen\n"
            "Luxemburg (dpa) - Der Europäische Gerichtshof hat am Donnerstag das Datenschutzabkommen "
            "„Privacy Shield“ zwischen der EU und den USA für ungültig erklärt.\n"
            "Geklagt hatte ein Datenschutzaktivist. Er begrüßte das Urteil. Bereits 2015 hatte das "
            "Gericht das Vorgängerabkommen gekippt."
        ),
        "events": [("Europäische Gerichtshof", "law_struck_down", D(2020, 7, 16), D(2020, 7, 16), False)],
    },
}
