"""Supranational and international bodies that make or coordinate policy, as jurisdictions.

ISO 3166 has no codes for them except EU and UN (exceptionally reserved). The others take their
usual acronym in capitals, chosen so that it is neither an ISO 3166-1 alpha-2 nor alpha-3 code
(the African Union is AFU because AU is Australia; the Andean Community is ANDEAN because CAN is
Canada). Codes are stable: rows, URLs and import files refer to them.

Each body names its working languages (most used first) and the CLDR locale whose short date
pattern it writes numeric dates in (``en_150`` is CLDR's English for Europe, ``en_001`` for the
world, ``es_419`` Latin American Spanish). Names in other languages are the bodies' own official
names; CLDR adds names in every locale for EU and UN.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Body:
    code: str
    name: str
    other_names: tuple = ()
    languages: tuple = ("en",)
    locale: str = "en_001"


BODIES = (
    Body(
        "EU", "European Union", ("EU", "Union européenne", "Europäische Union"), ("en", "fr", "de"), "en_150"
    ),
    Body(
        "UN",
        "United Nations",
        ("UN", "Nations Unies", "Naciones Unidas"),
        ("en", "fr", "es", "ar", "ru", "zh"),
    ),
    Body("COE", "Council of Europe", ("CoE", "Conseil de l'Europe", "Europarat"), ("en", "fr"), "en_150"),
    Body(
        "AFU",
        "African Union",
        ("Union africaine", "União Africana", "الاتحاد الأفريقي"),
        ("en", "fr", "ar", "pt"),
    ),
    Body("ASEAN", "Association of Southeast Asian Nations", ("ASEAN",)),
    Body(
        "MERCOSUR",
        "Mercosur",
        ("Mercado Común del Sur", "Mercado Comum do Sul", "Mercosul", "Southern Common Market"),
        ("es", "pt"),
        "es_419",
    ),
    Body("G7", "Group of Seven", ("G7", "G-7", "Group of 7")),
    Body("G20", "Group of Twenty", ("G20", "G-20", "Group of 20")),
    Body(
        "OECD",
        "Organisation for Economic Co-operation and Development",
        ("OECD", "OCDE", "Organisation de coopération et de développement économiques"),
        ("en", "fr"),
        "en_150",
    ),
    Body(
        "WTO",
        "World Trade Organization",
        ("WTO", "OMC", "Organisation mondiale du commerce", "Organización Mundial del Comercio"),
        ("en", "fr", "es"),
    ),
    Body(
        "NATO",
        "North Atlantic Treaty Organization",
        ("NATO", "OTAN", "Organisation du traité de l'Atlantique nord"),
        ("en", "fr"),
        "en_150",
    ),
    Body("APEC", "Asia-Pacific Economic Cooperation", ("APEC",)),
    Body(
        "GCC",
        "Gulf Cooperation Council",
        ("Cooperation Council for the Arab States of the Gulf", "مجلس التعاون لدول الخليج العربية"),
        ("ar", "en"),
        "ar_001",
    ),
    Body("LAS", "League of Arab States", ("Arab League", "جامعة الدول العربية"), ("ar",), "ar_001"),
    Body(
        "OAS",
        "Organization of American States",
        ("OAS", "OEA", "Organización de los Estados Americanos"),
        ("es", "en", "pt", "fr"),
        "es_419",
    ),
    Body(
        "ECOWAS",
        "Economic Community of West African States",
        ("ECOWAS", "CEDEAO", "Communauté économique des États de l'Afrique de l'Ouest"),
        ("en", "fr", "pt"),
    ),
    Body("SADC", "Southern African Development Community", ("SADC",), ("en", "fr", "pt")),
    Body("EAC", "East African Community", ("EAC", "Jumuiya ya Afrika Mashariki"), ("en", "sw")),
    Body("EAEU", "Eurasian Economic Union", ("EAEU", "EEU", "Евразийский экономический союз"), ("ru",), "ru"),
    Body(
        "CIS",
        "Commonwealth of Independent States",
        ("CIS", "СНГ", "Содружество Независимых Государств"),
        ("ru",),
        "ru",
    ),
    Body("CARICOM", "Caribbean Community", ("CARICOM",)),
    Body("COMMONWEALTH", "Commonwealth of Nations", ("The Commonwealth",)),
    Body("ANDEAN", "Andean Community", ("Comunidad Andina", "CAN (Andean Community)"), ("es",), "es_419"),
    Body("BRICS", "BRICS", ("BRICS",)),
    Body(
        "SCO",
        "Shanghai Cooperation Organisation",
        ("SCO", "上海合作组织", "Шанхайская организация сотрудничества"),
        ("zh", "ru"),
        "zh",
    ),
    Body("EEA", "European Economic Area", ("EEA", "EWR", "Espace économique européen"), ("en",), "en_150"),
    Body("EFTA", "European Free Trade Association", ("EFTA", "AELE"), ("en",), "en_150"),
    Body("PIF", "Pacific Islands Forum", ("PIF",)),
)
