#!/usr/bin/env python3
"""Generates the example communities under examples/ from the real data in ../shared/data.

Outputs (committed beside this script):
  pt-apartment-building/community.toml   Portuguese building, fixed coefficients, 15 min
  pt-apartment-building/readings.csv     canonical readings CSV (kWh per quarter-hour)
  pt-apartment-building/eredes-A1.csv    apartment A1 as an E-REDES Balcao Digital CSV (avg kW)
  es-industrial-estate/community.toml    Spanish industrial estate, hourly variable coefficients
  es-industrial-estate/coefficients.csv  participant,start,coefficient (one row per CUPS and hour)
  es-industrial-estate/datadis-consumers.csv   Datadis classic (kWh per hour)
  es-industrial-estate/datadis-producer.csv    Datadis with self-consumption (kWh per hour)

Sources (read at run time, never copied):
  consumption/London_LCL_100households_2013_30min_kWh.csv    apartment loads (kWh per half-hour)
  consumption/REE_perfiles_finales_2.0TD_3.0TD_hourly_...csv  company load shapes (REE profiles)
  pv_weather/measured_PV_Almeria2023_hourly_normalized.csv    PV output per kWp (hourly)

Units: energies are written in kWh with 3 decimals (whole Wh); E-REDES values are average kW over
the quarter-hour (kWh x 4). Standard library only; deterministic (no randomness).

Usage: python3 examples/generate.py [path/to/shared/data]
"""

import csv
import datetime as dt
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = (sys.argv[1] if len(sys.argv) > 1 else
        os.environ.get("REPARTO_SHARED_DATA",
                       os.path.join(HERE, "..", "..", "shared", "data")))

UTC = dt.timezone.utc
WEST = dt.timezone(dt.timedelta(hours=1))   # Europe/Lisbon in May (summer time)
CEST = dt.timezone(dt.timedelta(hours=2))   # Europe/Madrid in May (summer time)
CUPS_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE"


def iso(t, tz):
    return t.astimezone(tz).isoformat()


def kwh(wh):
    """Whole Wh as kWh with 3 decimals ('0.123')."""
    return "%d.%03d" % (wh // 1000, wh % 1000)


def comma(text):
    return text.replace(".", ",")


def split_even(total, parts):
    """Splits an integer into `parts` integers that add up to it (first parts get the rest)."""
    base, rest = divmod(total, parts)
    return [base + (1 if i < rest else 0) for i in range(parts)]


def largest_remainder(weights, scale):
    """Integer shares of `scale` proportional to `weights`, summing exactly to `scale`."""
    total = sum(weights)
    exact = [w * scale / total for w in weights]
    floors = [int(x) for x in exact]
    order = sorted(range(len(weights)), key=lambda i: -(exact[i] - floors[i]))
    for i in order[:scale - sum(floors)]:
        floors[i] += 1
    return floors


def cups(digits16):
    n = int(digits16) % 529
    return "ES" + digits16 + CUPS_LETTERS[n // 23] + CUPS_LETTERS[n % 23]


def read_almeria():
    """{UTC hour start (2023): normalised PV power 0..1} (timestamps taken as UTC hour starts)."""
    out = {}
    with open(os.path.join(DATA, "pv_weather", "measured_PV_Almeria2023_hourly_normalized.csv")) as f:
        for row in csv.DictReader(f):
            t = dt.datetime.strptime(row["time"], "%Y-%m-%d %H:%M:%S").replace(tzinfo=UTC)
            out[t] = float(row["normalized_power_corrected"])
    return out


def pv_wh(almeria, t_utc_2024, kwp, minutes):
    """Wh produced by a `kwp` plant in the interval starting at t (2024), from the same UTC hour
    of 2023 in Almeria; quarter-hours get an even split of the hour."""
    hour = t_utc_2024.replace(minute=0, year=2023)
    hour_wh = round(almeria.get(hour, 0.0) * kwp * 1000)
    if minutes == 60:
        return hour_wh
    return split_even(hour_wh, 4)[t_utc_2024.minute // 15]


# --------------------------------------------------------------------------------------------
# Portugal: an apartment building in Lisbon
# --------------------------------------------------------------------------------------------

def cpe(n):
    return "PT0002000041%06dKX" % n  # PT + 16 digits + 2 letters (syntax only)


PT_DIR = os.path.join(HERE, "pt-apartment-building")
PT_FIRST = dt.datetime(2024, 5, 20, tzinfo=WEST)   # local midnight
PT_DAYS = 7
A8_JOINS = dt.datetime(2024, 5, 23, tzinfo=WEST)

# (name, role, typology weight for the coefficients, London household column index)
PT_MEMBERS = [
    ("A1", "consumer", 5), ("A2", "consumer", 4), ("A3", "consumer", 6), ("A4", "consumer", 5),
    ("A5", "consumer", 4), ("A6", "consumer", 6), ("A7", "consumer", 5), ("A8", "consumer", 4),
    ("P1", "prosumer", 5),
]
PT_IDS = {name: cpe(i + 1) for i, (name, _, _) in enumerate(PT_MEMBERS)}
PT_IDS["PV1"] = cpe(101)
PT_IDS["PV2"] = cpe(102)
PV1_KWP, PV2_KWP, P1_KWP = 8.0, 10.0, 2.0


def read_london(first_utc, n_halfhours, wanted):
    """Picks `wanted` households complete over the window with 40..120 kWh in the week; returns
    [(household, [Wh per half-hour])]."""
    last = first_utc + dt.timedelta(minutes=30 * n_halfhours)
    with open(os.path.join(DATA, "consumption", "London_LCL_100households_2013_30min_kWh.csv")) as f:
        reader = csv.reader(f)
        header = next(reader)
        rows = []
        for row in reader:
            t = dt.datetime.strptime(row[0], "%Y-%m-%d %H:%M:%S").replace(tzinfo=UTC)
            if first_utc <= t < last:
                rows.append(row)
    assert len(rows) == n_halfhours, len(rows)
    chosen = []
    for col in range(1, len(header)):
        cells = [r[col] for r in rows]
        if any(c == "" for c in cells):
            continue
        wh = [round(float(c) * 1000) for c in cells]
        if 40000 <= sum(wh) <= 120000:
            chosen.append((header[col], wh))
        if len(chosen) == wanted:
            break
    return chosen


def generate_portugal(almeria):
    os.makedirs(PT_DIR, exist_ok=True)
    first_utc = PT_FIRST.astimezone(UTC)
    n_quarters = PT_DAYS * 96
    # The same UTC half-hours of 2013 (London clocks, like Lisbon's, are UTC+1 in May).
    households = read_london(first_utc.replace(year=2013), PT_DAYS * 48, len(PT_MEMBERS))

    quarters = [first_utc + dt.timedelta(minutes=15 * k) for k in range(n_quarters)]
    series = {}  # name -> [(consumption Wh, injection Wh)] per quarter
    for (name, role, _), (_, halfhours) in zip(PT_MEMBERS, households):
        load = [q for wh in halfhours for q in split_even(wh, 2)]
        if role == "prosumer":
            pv = [pv_wh(almeria, t, P1_KWP, 15) for t in quarters]
            series[name] = [(max(0, l - g), max(0, g - l)) for l, g in zip(load, pv)]
        else:
            series[name] = [(l, 0) for l in load]
    series["PV1"] = [(0, pv_wh(almeria, t, PV1_KWP, 15)) for t in quarters]
    series["PV2"] = [(0, pv_wh(almeria, t, PV2_KWP, 15)) for t in quarters]

    # Canonical readings for everyone except A1 (whose readings come from the E-REDES export);
    # A8 only from the day it joins.
    with open(os.path.join(PT_DIR, "readings.csv"), "w", newline="") as f:
        f.write("participant,start,consumption_kwh,injection_kwh,quality\n")
        for k, t in enumerate(quarters):
            for name in [m[0] for m in PT_MEMBERS] + ["PV1", "PV2"]:
                if name == "A1" or (name == "A8" and t < A8_JOINS):
                    continue
                c, i = series[name][k]
                f.write("%s,%s,%s,%s,real\n" % (PT_IDS[name], iso(t, WEST), kwh(c), kwh(i)))

    # A1 as an E-REDES Balcao Digital CSV rendering: metadata rows, header, `;` and decimal
    # comma, Hora = END of the quarter-hour, values average kW; two hours estimated on the 24th.
    estimated_from = dt.datetime(2024, 5, 24, 9, tzinfo=WEST)
    estimated_to = dt.datetime(2024, 5, 24, 11, tzinfo=WEST)
    with open(os.path.join(PT_DIR, "eredes-A1.csv"), "w", newline="", encoding="utf-8") as f:
        meta = [
            ["Dados Globais"], [""], ["CPE", PT_IDS["A1"]],
            ["Funções", "Consumo medido na IC, Ativa"], ["", "Estado"],
            ["", "Injeção na rede medida na IC, Ativa"], ["", "Estado"],
            ["", "Consumo registado"], ["", "Estado"], ["", "Injeção registada"], ["", "Estado"],
            ["Mês/Ano", "maio 2024"], ["Intervalo:", "15 min"], [""],
            ["Data", "Hora", "Consumo medido na IC, Ativa (kW)", "Estado",
             "Injeção na rede medida na IC, Ativa (kW)", "Estado", "Consumo registado (kW)",
             "Estado", "Injeção registada (kW)", "Estado"],
        ]
        for row in meta:
            f.write(";".join(row) + "\n")
        for k, t in enumerate(quarters):
            end = (t + dt.timedelta(minutes=15)).astimezone(WEST)
            c, _ = series["A1"][k]
            state = "Estimado" if estimated_from <= t < estimated_to else "Real"
            f.write("%s;%s;0;-;0;-;%s;%s;0;%s\n" % (
                end.strftime("%Y/%m/%d"), end.strftime("%H:%M"), comma(kwh(c * 4)), state, state))

    # Coefficients by flat typology (T1 = 4, T2 = 5, T3 = 6): first without A8, then with it.
    before = [(n, w) for n, _, w in PT_MEMBERS if n != "A8"]
    after = [(n, w) for n, _, w in PT_MEMBERS]

    def inline(members):
        total = sum(w for _, w in members)
        return "{ " + ", ".join('"%s" = %.10f' % (PT_IDS[n], w / total) for n, w in members) + " }"

    flats = {"A1": "1.º Esq T2", "A2": "1.º Dto T1", "A3": "2.º Esq T3", "A4": "2.º Dto T2",
             "A5": "3.º Esq T1", "A6": "3.º Dto T3", "A7": "4.º Esq T2", "A8": "4.º Dto T1",
             "P1": "5.º T2 with 2 kWp on its balcony"}
    lines = [
        "# Portuguese collective self-consumption in an apartment building (generated by",
        "# examples/generate.py; see examples/README.md and docs/community-file.md).",
        'id = "edificio-sol-lisboa"',
        'country = "PT"',
        'timezone = "Europe/Lisbon"',
        "step_minutes = 15",
        "",
        "[sharing]",
        'method = "fixed"',
        'redistribution = "none"',
        "",
        "# Coefficients by flat size (T1 = 4, T2 = 5, T3 = 6 shares), re-computed when A8 joins.",
        "[[sharing.periods]]",
        'from = "2024-05-01"',
        "coefficients = " + inline(before),
        "",
        "[[sharing.periods]]",
        'from = "2024-05-23"',
        "coefficients = " + inline(after),
        "",
    ]
    for name, role, _ in PT_MEMBERS:
        lines += ["[[participants]]  # %s, %s" % (name, flats[name]),
                  'id = "%s"' % PT_IDS[name], 'role = "%s"' % role, 'building = "B1"']
        if name == "A8":
            lines.append('from = "2024-05-23"  # joins on Thursday (local midnight)')
        lines.append("")
    lines += [
        "[[participants]]  # PV1: %g kWp on the roof of B1 (internal network for B1)" % PV1_KWP,
        'id = "%s"' % PT_IDS["PV1"], 'role = "producer"', 'voltage = "LV"', 'building = "B1"', "",
        "[[participants]]  # PV2: %g kWp on building B2, reaches B1 over the public LV grid" % PV2_KWP,
        'id = "%s"' % PT_IDS["PV2"], 'role = "producer"', 'voltage = "LV"', 'building = "B2"', "",
        "# Sharing can be suspended for one participant or everyone, e.g.:",
        "# [[suspensions]]",
        '# participant = "%s"' % PT_IDS["A3"],
        '# from = "2024-05-26T10:00:00+01:00"',
        '# to = "2024-05-26T12:00:00+01:00"',
    ]
    with open(os.path.join(PT_DIR, "community.toml"), "w") as f:
        f.write("\n".join(lines) + "\n")


# --------------------------------------------------------------------------------------------
# Spain: an industrial estate near Madrid
# --------------------------------------------------------------------------------------------

ES_DIR = os.path.join(HERE, "es-industrial-estate")
ES_FIRST = dt.date(2024, 5, 20)
ES_DAYS = 7

# (name, annual kWh, weight of the 3.0TD profile vs 2.0TD, weekend factor, contracted kW)
ES_COMPANIES = [
    ("Carpintería Hnos. Ruiz", 180000, 1.0, 0.25, 60.0),
    ("Frigoríficos del Sur", 420000, 0.4, 1.0, 120.0),
    ("Artes Gráficas Sol", 90000, 1.0, 0.30, 35.0),
    ("Panadería La Espiga", 150000, 0.2, 1.0, 50.0),
    ("Gestoría y oficinas", 60000, 1.0, 0.15, 25.0),
    ("Talleres Metálicos", 250000, 1.0, 0.30, 90.0),
]
ES_IDS = [cups("0031406%09d" % (1000 + 17 * i)) for i in range(len(ES_COMPANIES))]
ES_PRODUCER = cups("0031406900000001")
ES_KWP = 300.0
ES_AUX_WH = 200  # auxiliary consumption of the plant per night hour


def read_ree(first, days):
    """{(date, hour 1..24): (coef 2.0TD, coef 3.0TD)} for the local days."""
    wanted = {first + dt.timedelta(days=d) for d in range(days)}
    out = {}
    name = "REE_perfiles_finales_2.0TD_3.0TD_hourly_2021-06_2026-04.csv"
    with open(os.path.join(DATA, "consumption", name)) as f:
        for row in csv.DictReader(f, delimiter=";"):
            day = dt.date(int(row["year"]), int(row["month"]), int(row["day"]))
            if day in wanted:
                out[(day, int(row["hour"]))] = (float(row["coef_2.0TD"]), float(row["coef_3.0TD"]))
    return out


def generate_spain(almeria):
    os.makedirs(ES_DIR, exist_ok=True)
    ree = read_ree(ES_FIRST, ES_DAYS)
    hours = []  # (local date, hour 1..24, UTC start)
    for d in range(ES_DAYS):
        day = ES_FIRST + dt.timedelta(days=d)
        midnight = dt.datetime(day.year, day.month, day.day, tzinfo=CEST).astimezone(UTC)
        for h in range(1, 25):
            hours.append((day, h, midnight + dt.timedelta(hours=h - 1)))
    assert all((day, h) in ree for day, h, _ in hours)

    load = []  # per company, Wh per hour
    for _, annual, w3, weekend, _ in ES_COMPANIES:
        series = []
        for day, h, _ in hours:
            c2, c3 = ree[(day, h)]
            factor = weekend if day.weekday() >= 5 else 1.0
            series.append(round(annual * 1000 * (w3 * c3 + (1 - w3) * c2) * factor))
        load.append(series)

    with open(os.path.join(ES_DIR, "datadis-consumers.csv"), "w", newline="") as f:
        f.write("CUPS;Fecha;Hora;Consumo_kWh;Metodo_obtencion\n")
        for c, cid in enumerate(ES_IDS):
            for k, (day, h, _) in enumerate(hours):
                f.write("%s;%s;%d;%s;Real\n" % (cid, day.strftime("%d/%m/%Y"), h,
                                                 comma(kwh(load[c][k]))))

    with open(os.path.join(ES_DIR, "datadis-producer.csv"), "w", newline="") as f:
        f.write("CUPS;Fecha;Hora;consumo_kWh;metodoObtencion;energiaVertida_kWh;"
                "energiaGenerada_kWh;energiaAutoconsumida_kWh\n")
        for day, h, t in hours:
            gen = pv_wh(almeria, t, ES_KWP, 60)
            aux = ES_AUX_WH if gen == 0 else 0
            f.write("%s;%s;%02d:00;%s;Real;%s;%s;%s\n" % (
                ES_PRODUCER, day.strftime("%d/%m/%Y"), h, comma(kwh(max(0, aux - gen))),
                comma(kwh(max(0, gen - aux))), comma(kwh(gen)), comma(kwh(min(gen, aux)))))

    # Hourly coefficients: the manager's forecast of each company's share of the estate's load in
    # that hour (its REE-profile expectation), in millionths summing to exactly 1 every hour.
    with open(os.path.join(ES_DIR, "coefficients.csv"), "w", newline="") as f:
        f.write("participant,start,coefficient\n")
        for k, (_, _, t) in enumerate(hours):
            shares = largest_remainder([load[c][k] for c in range(len(ES_IDS))], 1000000)
            for c, cid in enumerate(ES_IDS):
                f.write("%s,%s,%d.%06d\n" % (cid, iso(t, CEST), shares[c] // 1000000,
                                             shares[c] % 1000000))

    lines = [
        "# Spanish collective self-consumption on an industrial estate (generated by",
        "# examples/generate.py; see examples/README.md and docs/community-file.md).",
        'id = "poligono-las-eras"',
        'country = "ES"',
        'timezone = "Europe/Madrid"',
        "step_minutes = 60",
        "",
        "# Hourly coefficients for the week of 20 May 2024; any other hour falls back to Spain's",
        "# default, proportional to contracted power.",
        "[[sharing.periods]]",
        'from = "2024-05-20"',
        'to = "2024-05-27"',
        'method = "variable"',
        'table = "coefficients.csv"',
        "",
    ]
    for (name, _, _, _, kw), cid in zip(ES_COMPANIES, ES_IDS):
        lines += ["[[participants]]  # " + name, 'id = "%s"' % cid, 'role = "consumer"',
                  "contracted_power_kw = %g" % kw, ""]
    lines += ["[[participants]]  # %g kWp PV plant on the estate's warehouse roofs" % ES_KWP,
              'id = "%s"' % ES_PRODUCER, 'role = "producer"', 'voltage = "LV"']
    with open(os.path.join(ES_DIR, "community.toml"), "w") as f:
        f.write("\n".join(lines) + "\n")


def main():
    almeria = read_almeria()
    generate_portugal(almeria)
    generate_spain(almeria)


if __name__ == "__main__":
    main()
