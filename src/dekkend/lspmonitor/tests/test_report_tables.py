# SPDX-License-Identifier: EUPL-1.2
"""The report's tables and graphs on small hand-made rounds (no database)."""

import json
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from dekkend.lspmonitor.questionnaire.definition import vragenlijst_get
from dekkend.lspmonitor.report import export, graphs, tables
from dekkend.lspmonitor.report.model import (
    BESLUIT_AF,
    Bezoekerstelling,
    Gepubliceerd,
    GepubliceerdeRegio,
    Indeling,
    Locatie,
    RapportInvoer,
    Regio,
    Respons,
    VorigeRonde,
    grootte_uit_dagdelen,
)
from dekkend.monitoring.indicators.results import Cel

MONITOR = Indeling(
    "monitor",
    "Monitorregio's",
    (
        Regio("a", "Alfa", ("GM0001", "GM0002")),
        Regio("b", "Bravo", ("GM0003",)),
        Regio("c", "Charlie", ("GM0004",)),
    ),
)
ANDERE = Indeling(
    "andere",
    "Andere indeling",
    (Regio("x", "Xray", ("GM0001", "GM0003")), Regio("y", "Yankee", ("GM0002",))),
)


def loc(key: str, regio: str, gemeente: str, dagdelen: int | None, **kw) -> Locatie:
    return Locatie(
        sleutel=key,
        naam=f"Steunpunt {key}",
        organisatie=kw.pop("organisatie", "Org"),
        gemeentecode=gemeente,
        gemeentenaam=gemeente,
        regio=regio,
        grootte=grootte_uit_dagdelen(dagdelen),
        dagdelen_per_week=dagdelen,
        **kw,
    )


KANDIDATEN = (
    loc("l1", "a", "GM0001", 9, eigen_categorie="A"),
    loc("l2", "a", "GM0002", 2, eigen_categorie="B"),
    loc("l3", "b", "GM0003", 5, organisatie="Org 2"),
    loc("l4", "b", "GM0005", None),
    loc("l5", "a", "GM0001", 3, besluit=BESLUIT_AF, reden="online_vindbaar"),
)


def responses(spec: dict[tuple[str, str], int]) -> tuple[Respons, ...]:
    return tuple(
        Respons(rol, regio) for (rol, regio), n in spec.items() for _ in range(n)
    )


def invoer(**kw) -> RapportInvoer:
    kw.setdefault("kandidaten", KANDIDATEN)
    return RapportInvoer(jaar=2026, indeling=MONITOR, **kw)


def test_size_class_follows_the_dagdelen_rule_of_4_2() -> None:
    assert [grootte_uit_dagdelen(n) for n in (14, 8, 7, 4, 3, 1, 0, None)] == [
        "groot", "groot", "middel", "middel", "klein", "klein", "onbekend", "onbekend"
    ]  # fmt: skip


def test_method_counts_invited_responses_and_rate() -> None:
    m = tables.methode(
        invoer(
            uitgenodigd_lsp=10,
            uitgenodigd_coordinator=4,
            responsen=responses({("lsp", "a"): 3, ("coordinator", "b"): 4}),
        )
    )
    assert [(g.rol, g.uitgenodigd, g.respons) for g in m.groepen] == [
        ("lsp", 10, 3),
        ("coordinator", 4, 4),
    ]
    assert [g.responspercentage for g in m.groepen] == [0.3, 1.0]
    assert m.respons_totaal == 7
    # l5 is off the list: 4 locations of 2 organisations.
    assert (m.locaties, m.organisaties) == (4, 2)


def test_table2_suppresses_small_counts_and_their_complement() -> None:
    t = tables.tabel2(
        invoer(
            responsen=responses(
                {
                    ("lsp", "a"): 6,
                    ("lsp", "b"): 1,
                    ("coordinator", "a"): 2,
                    ("coordinator", "b"): 5,
                }
            )
        )
    )
    rows = {r.regio: (r.lsp, r.coordinator) for r in t.rijen}
    hidden = Cel(None, True)
    # b's single LSP respondent is hidden, and a's 6 with it: otherwise the
    # total 7 would give it back. Same for the coordinators (2 hidden, 5 too).
    assert rows["a"] == (hidden, hidden)
    assert rows["b"] == (hidden, hidden)
    assert rows["c"] == (Cel(0, False), Cel(0, False))
    assert (t.totaal_lsp, t.totaal_coordinator) == (Cel(7, False), Cel(7, False))
    assert not t.gepubliceerd


def test_table2_shows_counts_of_five_or_more() -> None:
    t = tables.tabel2(invoer(responsen=responses({("lsp", "a"): 5, ("lsp", "b"): 6})))
    assert [r.lsp for r in t.rijen] == [Cel(5, False), Cel(6, False), Cel(0, False)]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(["lsp", "coordinator"]), st.sampled_from("abcz")),
        max_size=40,
    )
)
def test_table2_never_shows_a_small_respondent_count(pairs) -> None:
    t = tables.tabel2(invoer(responsen=tuple(Respons(r, g) for r, g in pairs)))
    cells = [c for r in t.rijen for c in (r.lsp, r.coordinator)]
    cells += [t.totaal_lsp, t.totaal_coordinator]
    for cell in cells:
        assert cell.waarde is not None or cell.onderdrukt
        assert cell.onderdrukt or cell.waarde == 0 or (cell.waarde or 0) >= 5
    for rol, column in (("lsp", 0), ("coordinator", 1)):
        total = sum(1 for r, _ in pairs if r == rol)
        shown = sum((r.lsp, r.coordinator)[column].waarde or 0 for r in t.rijen)
        total_cell = (t.totaal_lsp, t.totaal_coordinator)[column]
        if not total_cell.onderdrukt:
            # What the reader can work out (total − shown) is 0 or ≥ 5.
            assert total - shown == 0 or total - shown >= 5


def test_table3_bounds_counts_and_tally() -> None:
    tally = (
        Bezoekerstelling("l1", date(2026, 3, 2), "ochtend", 20),
        Bezoekerstelling("l1", date(2026, 3, 2), "middag", 15),
        Bezoekerstelling("l1", date(2026, 3, 3), "ochtend", 25),
        Bezoekerstelling("l5", date(2026, 3, 3), "ochtend", 99),  # off the list
    )
    t = tables.tabel3(invoer(tellingen=tally))
    rows = {r.grootte: r for r in t.rijen}
    assert rows["groot"].dagdelen == (8, 14)
    assert rows["groot"].bezoekers_per_dag == (30, 80)
    assert rows["groot"].unieke_bezoekers_per_jaar == (500, 1500)
    assert rows["middel"].dagdelen == (4, 7)
    assert rows["klein"].dagdelen == (1, 3)
    assert rows["klein"].elementen == ("inloop", "door_en_voor")
    assert rows["onbekend"].dagdelen is None
    assert [rows[g].locaties for g in ("groot", "middel", "klein", "onbekend")] == [
        1,
        1,
        1,
        1,
    ]
    # l1: (20 + 15) on day one, 25 on day two: 30 a day.
    assert rows["groot"].locaties_met_telling == 1
    assert rows["groot"].bezoekers_per_dag_telling == 30.0
    assert rows["klein"].bezoekers_per_dag_telling is None
    # Own answer: l1 says A (groot, agrees), l2 says B (middel, but klein).
    assert (rows["groot"].eigen_categorie, rows["middel"].eigen_categorie) == (1, 1)
    assert t.eigen_categorie_afwijkend == 1


def test_table4_per_region_of_the_monitor_division() -> None:
    t = tables.tabel4(invoer())
    got = [(r.regio, r.groot, r.middel, r.klein, r.onbekend, r.totaal) for r in t.rijen]
    assert got == [
        ("a", 1, 0, 1, 0, 2),
        ("b", 0, 1, 0, 1, 2),
        ("c", 0, 0, 0, 0, 0),
    ]
    assert t.totaal.totaal == 4
    assert not t.gepubliceerd


def test_table4_for_another_division_maps_the_gemeenten() -> None:
    t = tables.tabel4(invoer(), ANDERE)
    got = [(r.regio, r.groot, r.middel, r.klein, r.onbekend) for r in t.rijen]
    # GM0005 (l4) is in no region of the other division.
    assert got == [("x", 1, 1, 0, 0), ("y", 0, 0, 1, 0), ("", 0, 0, 0, 1)]


def test_table4_counts_a_row_that_stands_for_several_locations() -> None:
    kandidaten = (loc("d", "a", "GM0001", None, aantal=3),)
    t = tables.tabel4(invoer(kandidaten=kandidaten))
    assert (t.rijen[0].onbekend, t.totaal.totaal) == (3, 3)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from("abcq"),
            st.one_of(st.none(), st.integers(0, 16)),
            st.sampled_from(["op_lijst", "af", "open"]),
        ),
        max_size=50,
    )
)
def test_table4_row_totals_equal_the_base_list_per_region(specs) -> None:
    kandidaten = tuple(
        loc(f"k{i}", regio, "GM0001", dagdelen, besluit=besluit)
        for i, (regio, dagdelen, besluit) in enumerate(specs)
    )
    data = invoer(kandidaten=kandidaten)
    t = tables.tabel4(data)
    per_region = {r.regio: r.totaal for r in t.rijen}
    for regio in MONITOR.regios:
        expected = sum(1 for k in data.basislijst if k.regio == regio.code)
        assert per_region[regio.code] == expected
    assert t.totaal.totaal == len(data.basislijst)


def test_published_figures_are_used_and_marked() -> None:
    published = Gepubliceerd(
        bron="rapport",
        regios=(
            GepubliceerdeRegio("a", 1, 2, 3, respons_lsp=2, respons_coordinator=1),
            GepubliceerdeRegio("b", 0, 0, 4, respons_lsp=0, respons_coordinator=3),
        ),
        vorige_totaal=8,
        afgevallen=2,
    )
    data = invoer(
        gepubliceerd=published, vorige=VorigeRonde(2025, None, 8), uitgenodigd_lsp=4
    )
    t2 = tables.tabel2(data)
    assert t2.gepubliceerd
    assert [(r.lsp.waarde, r.coordinator.waarde) for r in t2.rijen] == [
        (2, 1),
        (0, 3),
        (None, None),  # c has no published figure: unknown, not zero
    ]
    assert (t2.totaal_lsp.waarde, t2.totaal_coordinator.waarde) == (2, 4)
    t4 = tables.tabel4_gepubliceerd(data)
    assert t4 is not None and t4.gepubliceerd
    assert [(r.groot, r.middel, r.klein) for r in t4.rijen][:2] == [
        (1, 2, 3),
        (0, 0, 4),
    ]
    assert t4.totaal.totaal == 10
    assert tables.methode(data).groepen[0].respons == 2
    change = tables.verandering(data)
    assert change is not None and change.gepubliceerd
    # 8 → 10 with 2 dropped: 4 new.
    assert (change.vorige_totaal, change.totaal) == (8, 10)
    assert (change.aantal_afgevallen, change.aantal_nieuw) == (2, 4)


def test_no_published_figures_means_no_published_table4() -> None:
    assert tables.tabel4_gepubliceerd(invoer()) is None


def test_change_since_the_previous_round() -> None:
    previous = (
        loc("l1", "a", "GM0001", 9),
        loc("l2", "a", "GM0002", 5),  # middel then, klein now
        loc("l6", "b", "GM0003", 2),
        loc("l7", "b", "GM0003", 2),
        loc("l4", "b", "GM0005", 9),  # size unknown now: not a change
    )
    kandidaten = (
        *KANDIDATEN,
        loc("l6", "b", "GM0003", 2, besluit=BESLUIT_AF, reden="gestopt"),
    )
    change = tables.verandering(
        invoer(kandidaten=kandidaten, vorige=VorigeRonde(2025, previous))
    )
    assert change is not None and not change.gepubliceerd
    assert (change.vorige_totaal, change.totaal) == (5, 4)
    assert [n.sleutel for n in change.nieuw] == ["l3"]
    assert [(a.locatie.sleutel, a.reden) for a in change.afgevallen] == [
        ("l6", "gestopt"),
        ("l7", "niet_beoordeeld"),
    ]
    assert change.afgevallen_per_reden == (("gestopt", 1), ("niet_beoordeeld", 1))
    assert [(g.locatie.sleutel, g.was, g.wordt) for g in change.grootte_veranderd] == [
        ("l2", "middel", "klein")
    ]


def test_no_previous_round_no_change() -> None:
    assert tables.verandering(invoer()) is None


def test_annex_a_lists_every_location_per_region() -> None:
    annex = tables.bijlage_a(invoer())
    assert [(r.regio, [loc.sleutel for loc in r.locaties]) for r in annex] == [
        ("a", ["l1", "l2"]),
        ("b", ["l3", "l4"]),
        ("c", []),
    ]


def test_register_completeness_per_region() -> None:
    kandidaten = (
        loc(
            "p", "a", "GM0001", 4, adres_bekend=True, gecontroleerd_op=date(2026, 5, 1)
        ),
        loc("q", "a", "GM0001", None, gecontroleerd_op=date(2024, 5, 1)),
    )
    rows = tables.volledigheid(
        invoer(kandidaten=kandidaten), peildatum=date(2026, 10, 1)
    )
    assert (rows[0].locaties, rows[0].met_dagdelen, rows[0].met_adres) == (2, 1, 1)
    assert rows[0].gecontroleerd == 1


VL = vragenlijst_get("2025")


def lsp(regio: str, **answers) -> Respons:
    return Respons(
        "lsp",
        regio,
        {
            "rol": {"keuze": "lsp"},
            **{k.replace("_", "."): v for k, v in answers.items()},
        },
    )


def coord(regio: str, **answers) -> Respons:
    return Respons(
        "coordinator",
        regio,
        {
            "rol": {"keuze": "vng"},
            **{k.replace("_", "."): v for k, v in answers.items()},
        },
    )


def test_graph2_counts_answers_and_suppresses_a_small_region() -> None:
    answers = ["vaak", "vaak", "af_en_toe", "niet", "vaak"]
    data = invoer(
        vragenlijst=VL,
        responsen=(
            *(lsp("a", lsp_5={"keuze": a}) for a in answers),
            lsp("b", lsp_5={"keuze": "niet"}),
            coord("b", lsp_5={"keuze": "niet"}),  # not the coordinators' part
        ),
    )
    national = graphs.grafiek(data, 2)
    assert national.vragen == ("lsp.5",)
    assert national.codes == ("vaak", "af_en_toe", "niet")
    assert national.labels[1] == "Af en toe"
    assert [c.waarde for c in national.reeksen[0].waarden] == [3, 1, 2]
    assert (national.n, national.beantwoord) == (6, 6)
    region_a = graphs.grafiek(data, 2, regio="a")
    assert [c.waarde for c in region_a.reeksen[0].waarden] == [3, 1, 1]
    region_b = graphs.grafiek(data, 2, regio="b")
    assert region_b.onderdrukt and region_b.n == 1
    assert all(c == Cel(None, True) for c in region_b.reeksen[0].waarden)
    region_c = graphs.grafiek(data, 2, regio="c")
    assert region_c.onbekend and not region_c.onderdrukt


def test_graph3_counts_multiple_choice_and_respects_the_skip_rule() -> None:
    data = invoer(
        vragenlijst=VL,
        responsen=(
            lsp(
                "a",
                lsp_5={"keuze": "vaak"},
                lsp_6={"keuzes": ["inhoudelijk", "overige"], "anders": "Cursussen"},
            ),
            lsp(
                "a",
                lsp_5={"keuze": "af_en_toe"},
                lsp_6={"keuzes": ["overige"], "anders": "Film"},
            ),
            lsp("a", lsp_5={"keuze": "vaak"}, lsp_6={"keuzes": ["inhoudelijk"]}),
            # Skipped ("sla over als jullie niet samenwerken"): not counted.
            lsp("a", lsp_5={"keuze": "niet"}, lsp_6={"keuzes": ["inspiratie"]}),
            lsp("a", lsp_5={"keuze": "vaak"}),
        ),
    )
    g = graphs.grafiek(data, 3)
    counts = dict(zip(g.codes, (c.waarde for c in g.reeksen[0].waarden), strict=True))
    assert counts["inhoudelijk"] == 2
    assert counts["overige"] == 2
    assert counts["inspiratie"] == 0
    assert (g.n, g.beantwoord) == (5, 3)


def test_graph4_stacks_satisfaction_per_partner() -> None:
    data = invoer(
        vragenlijst=VL,
        responsen=tuple(
            coord(
                "a",
                coord_8={"keuze": "tevreden"},
                coord_9={"keuze": "neutraal" if i < 2 else "tevreden"},
            )
            for i in range(5)
        ),
    )
    g = graphs.grafiek(data, 4)
    assert g.codes == ("coord.8", "coord.9", "coord.10", "coord.11")
    assert g.labels == ("Gemeenten", "Ggz", "Huisartsen/POH", "Sociaal werk")
    series = {s.naam: [c.waarde for c in s.waarden] for s in g.reeksen}
    assert series["tevreden"] == [5, 3, 0, 0]
    assert series["neutraal"] == [0, 2, 0, 0]
    assert series["zeer_tevreden"] == [0, 0, 0, 0]


def test_graphs_1_5_and_6_read_their_tagged_questions() -> None:
    data = invoer(vragenlijst=VL)
    assert graphs.grafiek(data, 1).vragen == ("lsp.13",)
    assert graphs.grafiek(data, 5).vragen == ("lsp.18",)
    assert graphs.grafiek(data, 6).vragen == ("coord.15",)
    assert graphs.grafiek(data, 6).rol == "coordinator"


def test_published_graph2_is_used_without_answers() -> None:
    data = invoer(
        vragenlijst=VL,
        gepubliceerd=Gepubliceerd(
            bron="r", grafiek2=(("vaak", 26), ("af_en_toe", 29), ("niet", 8))
        ),
    )
    g = graphs.grafiek(data, 2)
    assert g.gepubliceerd and g.n == 63
    assert [c.waarde for c in g.reeksen[0].waarden] == [26, 29, 8]
    assert graphs.grafiek(data, 3).onbekend


def test_without_a_questionnaire_the_graphs_are_unknown() -> None:
    assert all(g.onbekend for g in graphs.grafieken(invoer()))
    assert [g.nummer for g in graphs.grafieken(invoer())] == [1, 2, 3, 4, 5, 6]


def test_json_export_has_published_cells_and_no_small_counts() -> None:
    data = invoer(
        vragenlijst=VL,
        responsen=(
            *(lsp("a", lsp_5={"keuze": "vaak"}) for _ in range(6)),
            lsp("b", lsp_5={"keuze": "niet"}),
        ),
        vorige=VorigeRonde(2025, (loc("l1", "a", "GM0001", 9),)),
    )
    out = export.rapport_json(data)
    json.dumps(out)  # JSON-ready
    rows = {r["regio"]: r for r in out["tabel2"]["regios"]}
    assert rows["a"]["responsLsp"] is None and rows["a"]["responsLspOnderdrukt"]
    assert rows["b"]["responsLsp"] is None and rows["b"]["responsLspOnderdrukt"]
    assert rows["c"]["responsLsp"] == 0 and not rows["c"]["responsLspOnderdrukt"]
    assert out["tabel2"]["totaal"]["responsLsp"] == 7
    assert out["tabel4"]["totaal"]["totaal"] == 4
    assert out["tabel4"] == out["tabel4Register"]
    g2 = out["grafieken"][1]
    assert (g2["nummer"], g2["respondenten"], g2["reeksen"][0]["waarden"]) == (
        2,
        7,
        [6, 0, 1],
    )
    assert out["verandering"]["nieuw"] == 3
    region_b = export.rapport_json(data, regio="b")["grafieken"][1]
    assert region_b["onderdrukt"] and region_b["reeksen"][0]["waarden"] == [
        None,
        None,
        None,
    ]
