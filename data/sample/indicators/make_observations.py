"""Writes observations.csv: invented yearly values of two indicators for the
21 regions, with the national value and the target, 2020-2024.

The figures are made up for the project's notebooks (a seeded random walk
around a trend); they are not statistics about any region. The layout
imitates a semicolon-separated export with decimal commas, one row per
region, indicator and year, the national value as a region named "Riket".

    /usr/bin/python3 data/sample/indicators/make_observations.py
"""
import csv
import pathlib
import random

REGIONS = [
    ("01", "Region Stockholm"), ("03", "Region Uppsala"), ("04", "Region Sörmland"),
    ("05", "Region Östergötland"), ("06", "Region Jönköpings län"), ("07", "Region Kronoberg"),
    ("08", "Region Kalmar län"), ("09", "Region Gotland"), ("10", "Region Blekinge"),
    ("12", "Region Skåne"), ("13", "Region Halland"), ("14", "Västra Götalandsregionen"),
    ("17", "Region Värmland"), ("18", "Region Örebro län"), ("19", "Region Västmanland"),
    ("20", "Region Dalarna"), ("21", "Region Gävleborg"), ("22", "Region Västernorrland"),
    ("23", "Region Jämtland Härjedalen"), ("24", "Region Västerbotten"), ("25", "Region Norrbotten"),
]
YEARS = range(2020, 2025)
# name, unit, start level, yearly trend, spread, target, direction
INDICATORS = [
    ("Andel väntande inom 60 dagar", "%", 62.0, 1.6, 7.0, 71.0, "higher"),
    ("Utskrivningsklara, medelantal dagar till hemgång", "dagar", 4.1, -0.25, 1.1, 3.0, "lower"),
]


def main() -> None:
    rng = random.Random(2019)
    rows = []
    for name, unit, start, trend, spread, target, direction in INDICATORS:
        levels = {code: start + rng.uniform(-spread, spread) for code, _ in REGIONS}
        for year in YEARS:
            values = {}
            for code, region in REGIONS:
                levels[code] += trend + rng.gauss(0, spread / 5)
                if year == 2020:  # the pandemic year sets everyone back
                    levels[code] += -3.0 if direction == "higher" else 0.4
                values[code] = round(levels[code], 1)
                rows.append([name, unit, code, region, year, f"{values[code]:.1f}".replace(".", ","),
                             f"{target:.1f}".replace(".", ",")])
            national = round(sum(values.values()) / len(values), 1)
            rows.append([name, unit, "00", "Riket", year, f"{national:.1f}".replace(".", ","),
                         f"{target:.1f}".replace(".", ",")])
    out = pathlib.Path(__file__).with_name("observations.csv")
    with out.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f, delimiter=";")
        writer.writerow(["Indikator", "Enhet", "Länskod", "Region", "År", "Värde", "Målnivå"])
        writer.writerows(rows)
    print(f"{out}: {len(rows)} rows")


if __name__ == "__main__":
    main()
