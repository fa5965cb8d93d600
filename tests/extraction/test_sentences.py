from timeline.extraction.sentences import split


def sentences(text):
    return [s.text(text) for s in split(text)]


def test_sentences_end_at_punctuation_followed_by_a_capital():
    assert sentences("The law passed. Facebook paused requests! Why? Nobody knows.") == [
        "The law passed.",
        "Facebook paused requests!",
        "Why?",
        "Nobody knows.",
    ]


def test_abbreviations_initials_and_ordinal_days_do_not_end_a_sentence():
    text = "Mr. Smith of the U.S. Senate spoke on Jan. 15, 2020. Die Firma hat am 6. Mai 2019 reagiert."
    assert sentences(text) == [
        "Mr. Smith of the U.S. Senate spoke on Jan. 15, 2020.",
        "Die Firma hat am 6. Mai 2019 reagiert.",
    ]


def test_a_quotation_is_never_cut():
    text = "“We paused. We will review it,” the company said. Then it resumed."
    assert sentences(text) == ["“We paused. We will review it,” the company said.", "Then it resumed."]


def test_lines_are_paragraphs_and_cjk_punctuation_ends_sentences():
    found = split("Headline\n脸书暂停了。谷歌也暂停了。")
    assert [(s.paragraph, s.text("Headline\n脸书暂停了。谷歌也暂停了。")) for s in found] == [
        (0, "Headline"),
        (1, "脸书暂停了。"),
        (1, "谷歌也暂停了。"),
    ]
