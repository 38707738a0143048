#!/usr/bin/python3
"""Write generated Swedish meeting minutes for the import benchmark.

    generate_minutes.py [--mb 100 | --files N] [--seed 1] [--out DIR]

The text is random but reproducible: the same --mb and --seed give the same
files, byte for byte. Six layouts follow the hand-written samples in
data/sample/minutes/ (numbered items with "Ställningstagande:", a
tab-separated attendee table, a table flattened to a name run and an
organisation run, a § protocol, Markdown with headings and stray bold, and
semicolon-separated attendee lines). People are drawn from a fixed pool per
region so that the same person recurs across files, which is what makes an
importer's name resolution do real work.

DIR/manifest.json records the parameters and what was generated (meetings,
attendances, items, decisions), so that a benchmark can reuse the folder and
compare what parsers extract against what is there.
"""

import argparse
import hashlib
import json
import os
import random
import shutil
import sys
import time

FIRST = (
    "Anna Maria Eva Karin Sara Lena Emma Kristina Elin Ingrid Johanna Malin "
    "Sofia Helena Camilla Frida Therese Linnea Maja Ulrika Agneta Birgitta "
    "Erik Lars Karl Anders Johan Per Mikael Henrik Jonas Stefan Magnus Tobias "
    "Patrik Oskar Gustav Nils Ulf Martin Fredrik Björn Mats Ahmed Ali Omar "
    "Jan Peter Daniel Hans Göran Åsa Marie Hanna Ida Amir Leila Mona Ebba"
).split()
LAST = (
    "Andersson Johansson Karlsson Nilsson Eriksson Larsson Olsson Persson "
    "Svensson Gustafsson Pettersson Jonsson Jansson Hansson Bengtsson Lindberg "
    "Lindqvist Lindgren Berg Axelsson Bergström Lundberg Lind Lundgren Mattsson "
    "Berglund Fredriksson Sandberg Henriksson Forsberg Sjöberg Wallin Engström "
    "Eklund Danielsson Lundqvist Håkansson Björk Holm Bergman Samuelsson "
    "Fransson Nyström Holmberg Arvidsson Löfgren Söderberg Nyberg Blomqvist "
    "Claesson Mårtensson Åberg Öberg Ek Strand Falk Nyman Dahlgren Rask Vik"
).split()

# (full name, alias or None, municipalities, associations). Aliases appear in
# some files and full names in others, as they do in real folders.
REGIONS = [
    ("Region Östergötland", "RÖ",
     ["Linköpings kommun", "Norrköpings kommun", "Motala kommun", "Mjölby kommun",
      "Finspångs kommun", "Kinda kommun", "Vadstena kommun", "Söderköpings kommun",
      "Åtvidabergs kommun", "Boxholms kommun"], []),
    ("Västra Götalandsregionen", "VGR",
     ["Göteborgs Stad", "Borås Stad", "Trollhättans Stad", "Uddevalla kommun",
      "Skövde kommun", "Alingsås kommun", "Marks kommun", "Ulricehamns kommun",
      "Lidköpings kommun", "Kungälvs kommun"],
     ["VästKom", "Fyrbodals kommunalförbund", "Skaraborgs kommunalförbund",
      "Boråsregionen Sjuhärads kommunalförbund"]),
    ("Region Halland", None,
     ["Halmstads kommun", "Varbergs kommun", "Falkenbergs kommun", "Kungsbacka kommun",
      "Laholms kommun", "Hylte kommun"], []),
    ("Region Jönköpings län", "RJL",
     ["Jönköpings kommun", "Värnamo kommun", "Nässjö kommun", "Vetlanda kommun",
      "Gislaveds kommun", "Eksjö kommun", "Tranås kommun"], []),
    ("Region Dalarna", None,
     ["Falu kommun", "Borlänge kommun", "Mora kommun", "Ludvika kommun",
      "Avesta kommun", "Leksands kommun", "Rättviks kommun"], []),
]

BODY_KINDS = [
    ("Styrgrupp", "Styrgruppen"), ("Ledningsgrupp", "Ledningsgruppen"),
    ("Arbetsgrupp", "Arbetsgruppen"), ("Samverkansgrupp", "Samverkansgruppen"),
    ("Beredningsgrupp", "Beredningsgruppen"), ("Länsstyrgrupp", "Länsstyrgruppen"),
]
BODY_TOPICS = [
    "nära vård", "psykisk hälsa", "äldres hälsa", "barn och unga", "vårdsamverkan",
    "hälso- och sjukvårdsavtalet", "in- och utskrivning", "hemsjukvård",
    "läkemedel", "kompetensförsörjning", "missbruk och beroende", "digitalisering",
]
COMMITTEES = [
    "Regionstyrelsens hälso- och sjukvårdsutskott", "Hälso- och sjukvårdsnämnden",
    "Regionstyrelsens arbetsutskott", "Nämnden för folkhälsa och sjukvård",
    "Primärvårdsnämnden",
]
ITEM_TOPICS = [
    "Gemensam handlingsplan för nära vård", "Betalningsansvar vid utskrivning",
    "Mobila närvårdsteam", "Fast läkarkontakt i hemsjukvården",
    "Stimulansmedel för god och nära vård", "Samordnad individuell plan (SIP)",
    "Ekonomisk uppföljning", "Kompetensförsörjning", "Digital vårdplanering",
    "Läkemedelsgenomgångar i särskilt boende", "Psykisk hälsa hos barn och unga",
    "Tillgänglighet i specialistvården", "Uppföljning av hälso- och sjukvårdsavtalet",
    "Gemensam rutin för vårdövergångar", "Palliativ vård", "Suicidprevention",
    "Hjälpmedelsförsörjning", "Rapport från delregionerna", "Omvärldsbevakning",
    "Avvikelsehantering", "Dialogkonferens om nära vård", "Tvistehantering",
    "Verksamhetsplan", "Budget för gemensamma insatser", "Uppföljning av kömiljarden",
]
OBJECTS = [
    "förslaget till gemensam handlingsplan", "den reviderade rutinen",
    "förslaget till fördelning av medlen", "verksamhetsplanen",
    "förslaget till uppföljningsmodell", "den gemensamma riktlinjen",
    "förslaget till överenskommelse", "tidplanen för arbetet",
    "förslaget till budget", "redovisningen till staten",
]
TASKS = [
    "ta fram ett förslag till fördelning", "sammanställa kommunernas synpunkter",
    "redovisa utfallet per kommun", "ta fram en tidplan för införandet",
    "bjuda in till en dialogkonferens", "utreda kostnaderna för en gemensam lösning",
    "ta fram ett underlag till Politiskt samråd", "revidera rutinen",
]
SENTENCES = [
    "Arbetet har pågått sedan våren och följer den tidplan som styrgruppen tidigare fastställt.",
    "Flera kommuner lyfter behovet av tydligare ansvarsfördelning mellan vårdnivåerna.",
    "Dialog förs om hur uppföljningen ska ske och vem som ansvarar för den.",
    "Statistik presenteras för de kommuner som hittills har rapporterat.",
    "Synpunkter från remissrundan har arbetats in i det nya förslaget.",
    "Det finns en oro för att resurserna inte räcker under andra halvåret.",
    "Deltagarna påminner om att patientperspektivet är utgångspunkten för arbetet.",
    "Frågan har diskuterats i flera delregionala grupper under hösten.",
    "Representanter från primärvården och kommunernas hemsjukvård deltar i arbetet.",
    "En enkät har skickats ut och svarsfrekvensen är god.",
    "Ett utkast skickas ut till gruppen för synpunkter efter mötet.",
    "Det behövs en gemensam bild av nuläget innan förslag på åtgärder tas fram.",
    "Erfarenheter från andra regioner visar att ett stegvis införande fungerar bäst.",
    "Presentationen bifogas minnesanteckningarna.",
]
MONTHS = ["januari", "februari", "mars", "april", "maj", "juni", "juli",
          "augusti", "september", "oktober", "november", "december"]
WEEKDAYS = ["Måndag", "Tisdag", "Onsdag", "Torsdag", "Fredag", "Lördag", "Söndag"]
WORD_MILLIONS = ["en", "två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio", "tio"]
PLACES = ["Regionens hus, {city}", "Stadshuset, {city}", "Kommunhuset, {city}",
          "Regionkontoret, sal {room}, {city}", "Länsstyrelsen, {city}"]
CITIES = ["Linköping", "Göteborg", "Vänersborg", "Halmstad", "Jönköping", "Falun",
          "Borås", "Norrköping", "Skövde", "Varberg"]
ROOMS = ["Roxen", "Göta", "Vättern", "Ekeby", "Kronan", "Lyran", "Eken"]

DECISION_WEIGHTS = [("noted", 30), ("endorsed", 14), ("approved", 12), ("decided", 10),
                    ("assigned", 12), ("adopted", 5), ("rejected", 4), ("postponed", 6),
                    ("escalated", 4)]
KINDS = [k for k, w in DECISION_WEIGHTS for _ in range(w)]


def days_in_month(y, m):
    if m == 2:
        return 29 if (y % 4 == 0 and y % 100 != 0) or y % 400 == 0 else 28
    return 30 if m in (4, 6, 9, 11) else 31


def weekday(y, m, d):
    # Sakamoto's method; Monday = 0.
    t = (0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4)
    yy = y - 1 if m < 3 else y
    return (yy + yy // 4 - yy // 100 + yy // 400 + t[m - 1] + d + 6) % 7


def kr(amount):
    s = str(amount)
    parts = []
    while len(s) > 3:
        parts.append(s[-3:])
        s = s[:-3]
    parts.append(s)
    return " ".join(reversed(parts))


class Gen:
    def __init__(self, seed):
        self.rng = random.Random(seed)
        r = self.rng
        # A fixed pool per region: the same names recur in many files.
        self.pool = []
        for full, alias, munis, assocs in REGIONS:
            people = []
            used = set()
            orgs = [full] * 6 + munis * 2 + assocs
            while len(people) < 160:
                name = r.choice(FIRST) + " " + r.choice(LAST)
                if name in used:
                    continue
                used.add(name)
                people.append((name, r.choice(orgs)))
            self.pool.append((full, alias, munis, assocs, people))

    # -- pieces ------------------------------------------------------------
    def org_written(self, org, alias):
        # Aliases only where the region has one and not every time.
        if alias and org.startswith(("Region ", "Västra")) and self.rng.random() < 0.35:
            return alias
        return org

    def amount(self):
        r = self.rng
        pick = r.random()
        if pick < 0.35:
            a = r.randrange(50, 5000) * 1000
            return a, f"{kr(a)} kr"
        if pick < 0.55:
            a = r.randrange(1, 300) * 1_000_000
            return a, f"ca {kr(a)} kr"
        if pick < 0.7:
            a = r.randrange(5, 400) * 100_000
            return a, f"{kr(a)} kronor"
        if pick < 0.85:
            tenths = r.randrange(5, 900)
            txt = f"{tenths // 10},{tenths % 10}" if tenths % 10 else str(tenths // 10)
            return tenths * 100_000, f"{txt} mnkr"
        n = r.randrange(1, 11)
        return n * 1_000_000, f"{WORD_MILLIONS[n - 1]} miljoner kronor"

    def date_text(self, year):
        r = self.rng
        m = r.randrange(1, 13)
        d = r.randrange(1, days_in_month(year, m) + 1)
        f = r.random()
        if f < 0.4:
            return f"den {d} {MONTHS[m - 1]}"
        if f < 0.7:
            return f"{year}-{m:02d}-{d:02d}"
        if f < 0.85:
            return f"{d}/{m}"
        return f"den {d} {MONTHS[m - 1]} {year}"

    def paragraph(self, year, n_sent, facts):
        r = self.rng
        out = []
        for _ in range(n_sent):
            s = r.choice(SENTENCES)
            x = r.random()
            if x < 0.25:
                a, txt = self.amount()
                facts["amounts"] += 1
                s = f"Kostnaden beräknas till {txt} för perioden. " + s
            elif x < 0.4:
                s = s[:-1] + f" och redovisas {self.date_text(year)}."
            out.append(s)
        return " ".join(out)

    @staticmethod
    def wrap(text, width):
        lines = []
        while len(text) > width:
            cut = text.rfind(" ", 0, width)
            # Keep "1 658 000 kr" on one line so that the generated amounts stay countable.
            while cut > 0 and text[cut - 1].isdigit() and text[cut + 1].isdigit():
                cut = text.rfind(" ", 0, cut)
            if cut <= 0:
                cut = width
            lines.append(text[:cut])
            text = text[cut + 1:]
        lines.append(text)
        return lines

    def decision(self, kind, subject, attendees, year):
        r = self.rng
        obj = r.choice(OBJECTS)
        if kind == "noted":
            return r.choice([f"{subject} noterar informationen.",
                             f"{subject} lägger informationen till handlingarna."]), None
        if kind == "endorsed":
            return f"{subject} ställer sig bakom {obj}.", None
        if kind == "approved":
            return f"{subject} godkänner {obj}.", None
        if kind == "adopted":
            return f"{subject} antar {obj}.", None
        if kind == "rejected":
            return f"{subject} avslår {obj}.", None
        if kind == "postponed":
            return "Frågan bordläggs till nästa möte.", None
        if kind == "escalated":
            return "Frågan lyfts till Politiskt samråd.", None
        if kind == "decided":
            a, txt = self.amount()
            return f"{subject} beslutar att {txt} avsätts till {r.choice(ITEM_TOPICS).lower()}.", a
        owner = r.choice(attendees)["name"] if r.random() < 0.7 else "förvaltningen"
        return (f"{subject} ger {owner} i uppdrag att {r.choice(TASKS)} "
                f"till {self.date_text(year)}."), None

    # -- a meeting -----------------------------------------------------------
    def meeting(self, target_bytes, layout):
        r = self.rng
        full, alias, munis, assocs, people = r.choice(self.pool)
        year = r.randrange(2018, 2026)
        month = r.randrange(1, 13)
        day = r.randrange(1, days_in_month(year, month) + 1)
        sh = r.choice([8, 8, 9, 9, 10, 13, 13, 14])
        sm = r.choice([0, 0, 0, 15, 30, 30])
        eh = min(sh + r.randrange(1, 7), 17)
        em = r.choice([0, 5, 15, 30, 45, 0])
        if layout == 3:
            body = r.choice(COMMITTEES)
            subject = body
        else:
            kind, subject = r.choice(BODY_KINDS)
            body = f"{kind} för {r.choice(BODY_TOPICS)}"
            if r.random() < 0.5:
                body += f" i {full.replace('Region ', '')}" if full.startswith("Region") else " i Västra Götaland"
        n_att = r.randrange(6, 26)
        picked = r.sample(people, n_att)
        attendees = []
        for name, org in picked:
            attendees.append({"name": name, "org": org, "written": self.org_written(org, alias),
                              "status": "present", "roles": [], "coopted": [], "subst": None})
        attendees[0]["roles"].append("ordförande")
        attendees[-1]["roles"].append("sekreterare")
        if n_att > 8:
            attendees[1]["roles"].append("vice ordförande")
        for a in attendees[2:-1]:
            x = r.random()
            if x < 0.1:
                a["status"] = "förhinder"
            elif x < 0.18:
                a["status"] = "frånvarande"
        if n_att > 10:
            attendees[3]["subst"] = r.choice(people)[0]
            attendees[3]["status"] = "present"
        facts = {"amounts": 0}
        items = []
        size = 600 + 60 * n_att
        number = r.choice([1, 1, 1, 5, 12, 40])
        while size < target_bytes:
            # "5a" follows "5"; never two lettered items in a row.
            if items and not items[-1]["number"][-1].isalpha() and r.random() < 0.06:
                num = f"{number}a"
            else:
                number += 1 if items else 0
                num = str(number)
            title = r.choice(ITEM_TOPICS)
            if r.random() < 0.3:
                title += f" {year}"
            purpose = r.choice(["Information", "Information", "Ställningstagande",
                                "Information och dialog", "Dialog", "Beslut"])
            presenter = r.choice(attendees)
            paras = [self.paragraph(year, r.randrange(1, 5), facts) for _ in range(r.randrange(1, 4))]
            n_dec = 1 if r.random() < 0.8 else r.randrange(0, 4)
            decisions = []
            for _ in range(n_dec):
                k = r.choice(KINDS)
                text, a = self.decision(k, subject, attendees, year)
                if a is not None:
                    facts["amounts"] += 1
                decisions.append((k, text))
            items.append({"number": num, "title": title, "purpose": purpose,
                          "presenter": presenter, "paras": paras, "decisions": decisions})
            size += len(title) + sum(len(p) for p in paras) + sum(len(t) for _, t in decisions) + 80
        coopt = r.choice(people)[0] if items else None
        if coopt and all(a["name"] != coopt for a in attendees):
            attendees.append({"name": coopt, "org": None, "written": None, "status": "present",
                              "roles": [], "coopted": [r.choice(items)["number"]], "subst": None})
        nd = min(day + 28, days_in_month(year, month))
        return {"body": body, "subject": subject, "region": full, "alias": alias,
                "year": year, "month": month, "day": day,
                "start": f"{sh:02d}.{sm:02d}", "end": f"{eh:02d}.{em:02d}",
                "place": r.choice(PLACES).format(city=r.choice(CITIES), room=r.choice(ROOMS)),
                "form": r.choice(["Teams", "Fysiskt", "Digitalt", "Hybrid", "Fysiskt möte"]),
                "attendees": attendees, "items": items, "facts": facts,
                "next": (year, month, nd) if nd != day else None}

    # -- layouts -------------------------------------------------------------
    def date_header(self, m):
        r = self.rng
        y, mo, d = m["year"], m["month"], m["day"]
        if r.random() < 0.5:
            return f"{WEEKDAYS[weekday(y, mo, d)]} {d} {MONTHS[mo - 1]} {y}"
        return f"{y}-{mo:02d}-{d:02d}"

    @staticmethod
    def marks(a):
        out = list(a["roles"])
        if a["status"] == "förhinder":
            out.append("förhinder")
        if a["subst"]:
            out.append(f"ersätter {a['subst']}")
        return "".join(f" ({x})" for x in out)

    def items_numbered(self, m, out, width):
        for it in m["items"]:
            out.append("")
            out.append(f"{it['number']}. {it['title']}")
            out.append(it["purpose"])
            p = it["presenter"]
            out.append(f"Föredragande: {p['name']}" + (f", {p['written']}" if p["written"] else ""))
            for para in it["paras"]:
                out.extend(self.wrap(para, width))
            for _, text in it["decisions"]:
                out.append(f"Ställningstagande: {text}")

    def layout_numbered(self, m):
        # Shape of sample 01: grouped "Name, Org (marks)" lines and Adjungerade.
        out = ["", "MINNESANTECKNINGAR", "", m["body"], "", self.date_header(m), "",
               f"Tid: {m['start']}-{m['end']}", "", f"Mötesform: {m['form']}", "", "Närvarande", ""]
        co = []
        for a in m["attendees"]:
            if a["coopted"]:
                co.append(f"{a['name']} ({', '.join(a['coopted'])})")
                continue
            if a["status"] == "frånvarande":
                continue
            out.append(f"{a['name']}, {a['written']}{self.marks(a)}")
        absent = [a["name"] for a in m["attendees"] if a["status"] == "frånvarande"]
        if absent:
            out += ["", "Frånvarande: " + ", ".join(absent)]
        if co:
            out += ["", "Adjungerade:"] + co
        self.items_numbered(m, out, 82)
        self.tail(m, out, "Vid anteckningarna")
        return out

    def layout_tabbed(self, m):
        # Shape of sample 02: "Label\tValue" header rows and a Namn/Organisation table.
        out = [f"{m['region']}\tMinnesanteckningar\t", "", m["body"], "",
               f"Mötesdatum\t{m['year']}-{m['month']:02d}-{m['day']:02d}",
               f"Tid\t{m['start']}–{m['end']}", f"Plats\t{m['place']}", f"Mötesform\t{m['form']}",
               "", "Deltagare", "", "Namn\tOrganisation"]
        for a in m["attendees"]:
            if a["coopted"]:
                continue
            out.append(f"{a['name']}{self.marks(a)}\t{a['written']}")
        absent = [a["name"] for a in m["attendees"] if a["status"] == "frånvarande"]
        if absent:
            out += ["", "Frånvarande: " + ", ".join(absent)]
        co = [f"{a['name']} ({', '.join(a['coopted'])})" for a in m["attendees"] if a["coopted"]]
        if co:
            out += ["", "Adjungerade: " + ", ".join(co)]
        out += ["", "Dagordning"]
        for it in m["items"]:
            out += ["", f"{it['number']}.\t{it['title']}"]
            p = it["presenter"]
            out.append(f"Föredragande: {p['name']}" + (f", {p['written']}" if p["written"] else ""))
            for para in it["paras"]:
                out.extend(self.wrap(para, 76))
            for _, text in it["decisions"]:
                out.append(f"Beslut: {text}")
        self.tail(m, out, "Antecknare\t", same_line=True)
        return out

    def layout_runs(self, m):
        # Shape of sample 03: the table came out as a name run then an organisation run.
        y, mo, d = m["year"], m["month"], m["day"]
        out = ["Anteckningar från möte", "", m["body"], "",
               f"Datum och tid: {WEEKDAYS[weekday(y, mo, d)]} {d} {MONTHS[mo - 1]} {y}, "
               f"kl. {m['start']}–{m['end']}", f"Plats: {m['place']}", "", "Närvarande", "", "Namn"]
        listed = [a for a in m["attendees"] if not a["coopted"]]
        out += [a["name"] for a in listed]
        out.append("Organisation")
        out += [a["written"] for a in listed]
        out.append("")
        for a in listed:
            for role in a["roles"]:
                out.append(f"{role.capitalize()}: {a['name']}")
        co = [f"{a['name']} ({', '.join(a['coopted'])})" for a in m["attendees"] if a["coopted"]]
        if co:
            out.append("Adjungerade: " + ", ".join(co))
        exc = [a["name"] for a in listed if a["status"] == "förhinder"]
        if exc:
            out.append("Förhinder: " + ", ".join(exc))
        absent = [a["name"] for a in listed if a["status"] == "frånvarande"]
        if absent:
            out.append("Frånvarande: " + ", ".join(absent))
        for it in m["items"]:
            out += ["", f"{it['number']}. {it['title']}", f"Syfte: {it['purpose']}"]
            p = it["presenter"]
            out.append(f"Föredragande: {p['name']}" + (f", {p['written']}" if p["written"] else ""))
            for para in it["paras"]:
                out.extend(self.wrap(para, 72))
            for _, text in it["decisions"]:
                out.extend(self.wrap(text, 72))
        self.tail(m, out, "Vid anteckningarna")
        return out

    def layout_protocol(self, m):
        # Shape of sample 04: a § protocol with "beslutar att" lists and adjusters.
        r = self.rng
        y, mo, d = m["year"], m["month"], m["day"]
        listed = [a for a in m["attendees"] if not a["coopted"]]
        out = ["PROTOKOLL" + " " * 60 + "1 (4)", "", m["body"], "",
               f"Sammanträdesdatum  {y}-{mo:02d}-{d:02d}", "",
               f"Plats och tid      {m['place']},", f"                   kl. {m['start']}–{m['end']}", ""]
        sec = listed[-1]
        first = True
        for a in listed[:-1]:
            if a["status"] == "frånvarande":
                continue
            roles = [x for x in a["roles"] if x != "sekreterare"]
            extra = (", " + ", ".join(roles)) if roles else ""
            if a["subst"]:
                extra += f" (ersätter {a['subst']})"
            if a["status"] == "förhinder":
                extra += " (förhinder)"
            out.append(("Beslutande         " if first else " " * 19) + a["name"] + extra)
            first = False
        out += ["", f"Övriga             {sec['name']}, sekreterare"]
        for a in m["attendees"]:
            if a["coopted"]:
                out.append(" " * 19 + f"{a['name']}, § {a['coopted'][0]}")
        absent = [a["name"] for a in listed if a["status"] == "frånvarande"]
        if absent:
            out += ["", "Frånvarande        " + ", ".join(absent)]
        adj = next((a["name"] for a in listed[1:-1] if a["status"] == "present"), listed[0]["name"])
        ad = min(d + 7, days_in_month(y, mo))
        out += ["", f"Justerare          {adj}", ""]
        for it in m["items"]:
            out += ["", f"§ {it['number']}" if r.random() < 0.7 else f"§{it['number']}", "", it["title"], ""]
            if r.random() < 0.5:
                out += [f"Diarienummer: RS {y}-{r.randrange(1, 2000):05d}", ""]
            out.append("Ärendebeskrivning")
            out.append("")
            for para in it["paras"]:
                out.extend(self.wrap(para, 80))
            decs = it["decisions"]
            if not decs:
                continue
            out += ["", "Beslut", ""]
            if len(decs) == 1:
                out.extend(self.wrap(decs[0][1], 80))
            else:
                out += [f"{m['subject']} beslutar att", ""]
                for _, text in decs:
                    out.append("- " + self.infinitive(text, m["subject"]))
        out += ["", "Vid protokollet", "", sec["name"], "", "Justeras", "",
                f"{listed[0]['name']}                     {adj}", "",
                f"Justerat {y}-{mo:02d}-{ad:02d}"]
        return out

    INFINITIVES = (("noterar", "notera"), ("lägger", "lägga"), ("ställer sig", "ställa sig"),
                   ("godkänner", "godkänna"), ("antar", "anta"), ("avslår", "avslå"), ("ger", "ge"))

    def infinitive(self, text, subject):
        # A protocol lists its decisions after "X beslutar att" in the infinitive.
        text = text.rstrip(".")
        if text.startswith("Frågan bordläggs"):
            return "bordlägga ärendet" + text[len("Frågan bordläggs"):]
        if text.startswith("Frågan lyfts"):
            return "lyfta frågan" + text[len("Frågan lyfts"):]
        text = text[len(subject) + 1:] if text.startswith(subject + " ") else text
        if text.startswith("beslutar att "):
            amount, _, purpose = text[len("beslutar att "):].partition(" avsätts till ")
            return f"avsätta {amount} till {purpose}"
        for present, inf in self.INFINITIVES:
            if text.startswith(present + " "):
                return inf + text[len(present):]
        return text

    def layout_markdown(self, m):
        # Shape of sample 05: headings, bullets, stray bold and broken lines.
        r = self.rng
        y, mo, d = m["year"], m["month"], m["day"]
        out = ["**Minnesanteckningar**", "", f"# {m['body']}", "",
               f"**Datum:** {y}-{mo:02d}-{d:02d}  ", f"**Tid:** {m['start']}-{m['end'].replace('.', ':')}  ",
               f"**Plats:** {m['form']} – {m['place']}", "", "## **Närvarande**", ""]
        for a in m["attendees"]:
            if a["coopted"] or a["status"] == "frånvarande":
                continue
            out.append(f"- {a['name']}, {a['written']}{self.marks(a)}")
        absent = [a["name"] for a in m["attendees"] if a["status"] == "frånvarande"]
        if absent:
            out += ["", "**Frånvarande:** " + ", ".join(absent)]
        # Headings carry no numbers here, so there is no item number to name.
        co = [a["name"] for a in m["attendees"] if a["coopted"]]
        if co:
            out += ["", "**Adjungerade:** " + ", ".join(co)]
        for it in m["items"]:
            out += ["", f"## **{it['title']}" if r.random() < 0.2 else f"## {it['title']}", ""]
            for para in it["paras"]:
                lines = self.wrap(para, 74)
                if len(lines) > 2 and r.random() < 0.3:
                    lines.insert(1, "\n\n")
                out.extend(lines)
                out.append("")
            for _, text in it["decisions"]:
                if r.random() < 0.2:
                    head, _, rest = text.partition(" ")
                    text = f"**{head}** {rest}"
                out.append(text)
                out.append("")
        self.tail(m, out, "Vid anteckningarna:", same_line=True, md=True)
        return out

    def layout_inline(self, m):
        # Shape of sample 06: attendees on semicolon-separated lines.
        y, mo, d = m["year"], m["month"], m["day"]
        out = [m["body"], "Minnesanteckningar från sammanträde", "",
               f"Datum: {d} {MONTHS[mo - 1]} {y}", f"Tid: kl. {m['start']} - {m['end']}",
               f"Mötesform: {m['form']}", ""]
        listed = [a for a in m["attendees"] if not a["coopted"] and not a["subst"]]
        out.append("Kallade: " + "; ".join(
            f"{a['name']}, {a['written']}" + "".join(f" ({x})" for x in a["roles"]) for a in listed))
        absent = [a["name"] for a in listed if a["status"] in ("frånvarande", "förhinder")]
        if absent:
            out += ["", "Frånvarande: " + ", ".join(absent)]
        subs = [a for a in m["attendees"] if a["subst"]]
        if subs:
            out += ["", "Ersättare: " + "; ".join(f"{a['name']}, {a['written']} (ersätter {a['subst']})"
                                                  for a in subs)]
        co = [a for a in m["attendees"] if a["coopted"]]
        if co:
            out += ["", "Adjungerade: " + "; ".join(f"{a['name']} ({a['coopted'][0]})" for a in co)]
        out.append("")
        self.items_numbered(m, out, 78)
        self.tail(m, out, "Vid anteckningarna:", same_line=True)
        return out

    def tail(self, m, out, writer_label, same_line=False, md=False):
        sec = [a for a in m["attendees"] if "sekreterare" in a["roles"]][0]
        if m["next"]:
            y, mo, d = m["next"]
            label = "**Nästa möte:**" if md else "Nästa möte:"
            out += ["", f"{label} {y}-{mo:02d}-{d:02d}"]
        out.append("")
        if same_line:
            out.append(f"{writer_label} {sec['name']}".replace("\t ", "\t"))
        else:
            out += [writer_label, sec["name"]]

    LAYOUTS = ("numbered", "tabbed", "runs", "protocol", "markdown", "inline")

    def render(self, m, layout):
        fn = (self.layout_numbered, self.layout_tabbed, self.layout_runs,
              self.layout_protocol, self.layout_markdown, self.layout_inline)[layout]
        return "\n".join(fn(m)) + "\n"


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mb", type=float, default=100.0, help="megabytes (10^6 bytes) to write; default 100")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", default="build/bench/minutes")
    ap.add_argument("--min-kb", type=int, default=5)
    ap.add_argument("--max-kb", type=int, default=20)
    ap.add_argument("--files", type=int, default=None,
                    help="write this many files instead of --mb megabytes (the Dask test and benchmark)")
    args = ap.parse_args(argv)

    t0 = time.perf_counter()
    target = int(args.mb * 1_000_000)
    os.makedirs(args.out, exist_ok=True)
    # Stale files from an earlier, larger run would be imported too.
    for name in os.listdir(args.out):
        path = os.path.join(args.out, name)
        if name == "manifest.json":
            os.remove(path)
        elif len(name) == 4 and name.isdigit() and os.path.isdir(path):
            shutil.rmtree(path)

    g = Gen(args.seed)
    total = files = 0
    counts = {"meetings": 0, "attendances": 0, "items": 0, "decisions": 0, "amounts": 0}
    per_layout = [0] * len(Gen.LAYOUTS)
    while (files < args.files) if args.files is not None else (total < target):
        layout = g.rng.randrange(len(Gen.LAYOUTS))
        want = g.rng.randrange(args.min_kb * 1000, args.max_kb * 1000)
        m = g.meeting(want, layout)
        data = g.render(m, layout).encode("utf-8")
        # Subdirectories of 500 files keep listings fast and exercise recursion.
        sub = os.path.join(args.out, f"{files // 500:04d}")
        if files % 500 == 0:
            os.makedirs(sub, exist_ok=True)
        ext = ".md" if Gen.LAYOUTS[layout] == "markdown" else ".txt"
        with open(os.path.join(sub, f"{files:06d}_{Gen.LAYOUTS[layout]}{ext}"), "wb") as f:
            f.write(data)
        total += len(data)
        files += 1
        per_layout[layout] += 1
        counts["meetings"] += 1
        counts["attendances"] += len(m["attendees"])
        counts["items"] += len(m["items"])
        counts["decisions"] += sum(len(it["decisions"]) for it in m["items"])
        counts["amounts"] += m["facts"]["amounts"]

    with open(os.path.abspath(__file__), "rb") as f:
        # A changed generator must not be mistaken for the data it wrote before.
        source_sha = hashlib.sha256(f.read()).hexdigest()
    manifest = {"generator": "benchmarks/generate_minutes.py", "generator_sha256": source_sha,
                "seed": args.seed, "mb": args.mb, "files_asked": args.files,
                "min_kb": args.min_kb, "max_kb": args.max_kb, "files": files, "bytes": total,
                "layouts": dict(zip(Gen.LAYOUTS, per_layout)), "generated": counts}
    with open(os.path.join(args.out, "manifest.json"), "w", encoding="utf-8") as f:
        json.dump(manifest, f, indent=2, ensure_ascii=False)
        f.write("\n")
    print(f"wrote {files} files, {total / 1e6:.1f} MB to {args.out} in "
          f"{time.perf_counter() - t0:.1f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
