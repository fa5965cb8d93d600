import pytest

from timeline.extraction.language import detect


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Le Parlement a adopté la loi dans la nuit et les députés sont partis.", "fr"),
        ("Die Regierung hat das Gesetz am Montag verabschiedet und die Polizei informiert.", "de"),
        ("El tribunal anuló la ley y los datos de los usuarios quedan protegidos.", "es"),
        ("全国人大常委会通过了香港国安法。", "zh"),
        ("同社は香港政府からの要求への対応を停止した。", "ja"),
        ("Роскомнадзор заблокировал мессенджер по решению суда.", "ru"),
        ("The parliament passed the law on Monday.", "en"),
    ],
)
def test_the_language_is_told_by_script_and_function_words(text, language):
    assert detect(text) == language


def test_a_given_language_wins():
    assert detect("The parliament passed the law.", "de") == "de"
