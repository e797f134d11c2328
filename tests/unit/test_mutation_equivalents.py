"""scripts/mutation_equivalents.yaml names surviving mutants by their code, not their line number
(issue 18, item 7): an edit elsewhere in a module keeps them listed, and an entry whose code is gone
is caught here, in `make test`, instead of silently counting as a survivor in `make mutation`."""
import mutation

KILDE = '''def f(a, b):
    if a > 0 and b > 0:
        return 1
    return 0
'''


def test_every_listed_equivalent_names_a_mutant_of_the_current_code():
    ekvivalente = mutation.laes_ekvivalente()
    assert ekvivalente
    moduler = {k[0] for k in ekvivalente}
    assert moduler <= set(mutation.moduler())
    noegler = {m.noegle() for modul in moduler for m in mutation.mutanter(modul)}
    forsvundne = [k for k in ekvivalente if k not in noegler]
    assert forsvundne == [], "entries whose code changed; run scripts/mutation.py on the module and update them"


def test_every_listed_equivalent_gives_a_reason():
    for e in mutation.laes_ekvivalente().values():
        assert len(e["grund"].split()) >= 5, e


def test_a_mutant_keeps_its_key_when_lines_are_added_above_it():
    foer = mutation.mutanter("x", KILDE)
    efter = mutation.mutanter("x", "import os\n\n\n" + KILDE)
    assert [m.linje + 3 for m in foer] == [m.linje for m in efter]
    assert [m.noegle() for m in foer] == [m.noegle() for m in efter]


def test_the_same_mutation_twice_on_a_line_is_told_apart_by_its_occurrence():
    # `a > 0` and `b > 0`: the same line text and mutation, in source order.
    vendt = [m for m in mutation.mutanter("x", KILDE) if m.beskrivelse == "> -> >="]
    assert [(m.udtryk, m.forekomst) for m in vendt] == [("a > 0", 0), ("b > 0", 1)]
    assert {m.kode for m in vendt} == {"if a > 0 and b > 0:"}
    assert len({m.noegle() for m in mutation.mutanter("x", KILDE)}) == len(mutation.mutanter("x", KILDE))
