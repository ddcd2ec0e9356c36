import pytest

from quotes import verbs


def test_generated_forms_file_is_up_to_date():
    """verb_forms.txt is generated from verbs.txt + conjugation.txt: regenerate and compare."""
    committed = verbs.FORMS_FILE.read_text(encoding="utf-8")
    assert committed == verbs.render(), "run `python -m quotes.verbs` after editing verbs.txt or conjugation.txt"


@pytest.mark.parametrize(
    "lemma, form",
    [
        ("déclarer", "déclaré"), ("déclarer", "déclarées"), ("déclarer", "déclara"), ("déclarer", "déclarèrent"),
        ("déclarer", "déclarera"), ("déclarer", "déclarerait"), ("déclarer", "déclarant"), ("déclarer", "déclaraient"),
        ("annoncer", "annonça"), ("annoncer", "annonçant"), ("annoncer", "annoncèrent"), ("juger", "jugeait"),
        ("juger", "jugèrent"), ("répéter", "répète"), ("suggérer", "suggèrent"), ("rappeler", "rappelle"),
        ("rappeler", "rappellera"), ("relever", "relève"), ("dire", "disent"), ("dire", "dirent"), ("dire", "dit"),
        ("écrire", "écrivait"), ("écrire", "écrit"), ("reconnaître", "reconnu"), ("reconnaître", "reconnaît"),
        ("reconnaître", "reconnait"), ("soutenir", "soutient"), ("prévenir", "prévient"), ("conclure", "conclut"),
        ("croire", "croyait"), ("craindre", "craignent"), ("répondre", "répondit"), ("admettre", "admis"),
        ("reprendre", "reprennent"), ("démentir", "dément"), ("avertir", "avertissait"), ("poursuivre", "poursuit"),
        ("sourire", "sourit"), ("réjouir", "réjouie"), ("inquiéter", "inquiète"), ("faire savoir", "a fait savoir"[2:]),
        ("mettre en garde", "mis en garde"), ("faire savoir", "font savoir"), ("faire remarquer", "fit remarquer"),
        ("faire valoir", "fera valoir"),
    ],
)
def test_form_is_generated(lemma, form):
    assert verbs.forms().get(form) == lemma


@pytest.mark.parametrize("lemma, form, wrong", [
    # -vrir and -frir verbs conjugate their present like -er verbs (the stance cues use them too)
    ("rouvrir", "rouvert", "rouvri"), ("rouvrir", "rouvrent", "rouvrissent"), ("offrir", "offre", "offrissent"),
    ("souffrir", "souffert", "souffri"), ("finir", "finissent", "finent"),
])
def test_conjugation_models(lemma, form, wrong):
    forms = verbs.conjugate(lemma)
    assert form in forms and wrong not in forms


@pytest.mark.parametrize("lemma, cls", [("déclarer", "speech"), ("penser", "cognition"), ("croire", "cognition"),
                                        ("sourire", "manner"), ("estimer", "speech")])
def test_classes(lemma, cls):
    assert verbs.verbs()[lemma].cls == cls


@pytest.mark.parametrize("word", ["le", "maison", "est", "sont", "président", "suis"])
def test_not_a_verb_form(word):
    assert word not in verbs.forms()


def test_every_verb_has_a_known_frame():
    frames = {"neutral", "assertive", "emphatic", "distancing", "emotional", "accusatory", "concessive",
              "directive", "revealing", "cognitive"}
    assert {v.frame for v in verbs.verbs().values()} <= frames


def test_each_lemma_once():
    """A lemma written twice, or with and without « se » (« interroger », « s'interroger »), would
    leave only the last line: one use of the verb silently lost."""
    from collections import Counter

    from quotes import lexicon
    from quotes.verbs import _parse_verb

    counts = Counter(_parse_verb(line).lemma for line in lexicon.lines("verbs.txt"))
    assert [lemma for lemma, n in counts.items() if n > 1] == []
