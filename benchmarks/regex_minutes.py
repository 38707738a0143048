#!/usr/bin/python3
"""A straightforward regular-expression parser for Swedish meeting minutes.

    regex_minutes.py [--json | --summary] PATH...

It is the baseline the import benchmark sets beside `samverkan import`: what a
strategist would write in an afternoon with Python's `re`, line by line, with
no name resolution, no provenance and no recovery beyond skipping what does
not match. It reads the shapes of data/sample/minutes/ and of the files
benchmarks/generate_minutes.py writes.

`parse(text)` returns a dict: body, date, start, end, place, form, attendees
(name, organisation, status, roles, coopted_items, substitute_for), items
(number, title, purposes, presenters, decisions (kind, text), amounts in
kronor), writer, adjusters, adjusted_on, next_meeting.

--summary prints one JSON object with the totals over all files (files, bytes,
meetings, attendees, items, decisions, amounts); --json prints one JSON object
per file; without either it prints one line per file.
"""

import json
import os
import re
import sys

MONTHS = {m: i + 1 for i, m in enumerate(
    "januari februari mars april maj juni juli augusti september oktober november december".split())}
WORD_NUMBERS = {w: i + 1 for i, w in enumerate("en två tre fyra fem sex sju åtta nio tio".split())}

NAME = r"[A-ZÅÄÖÉ][\wåäöéü-]+(?: [A-ZÅÄÖÉ][\wåäöéü-]+){1,3}"
ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
LONG_DATE = re.compile(r"\b(\d{1,2}) (" + "|".join(MONTHS) + r")(?: (\d{4}))?\b", re.I)
SLASH_DATE = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})(?![\d/])")
TIME_RANGE = re.compile(r"\b(\d{1,2})[.:](\d{2})\s*[-–]\s*(\d{1,2})[.:](\d{2})\b")
AMOUNT = re.compile(
    r"(ca\.?\s+)?(\d{1,3}(?:[ \u00a0]\d{3})+|\d+)(?:,(\d+))?\s*(mnkr|miljoner kronor|tkr|kronor|kr)\b"
    r"|\b(en|två|tre|fyra|fem|sex|sju|åtta|nio|tio) miljoner kronor\b", re.I)

ITEM_NUM = re.compile(r"^(\d{1,3}[a-z]?)\.\s+(\S.*)$")
ITEM_PARA = re.compile(r"^§\s?(\d{1,4}[a-z]?)\s*(.*)$")
MD_HEADING = re.compile(r"^#{2,4}\s+(.+)$")
PURPOSE_WORDS = {"information": "information", "dialog": "dialog", "diskussion": "dialog",
                 "ställningstagande": "decision", "beslut": "decision", "för beslut": "decision",
                 "lägesrapport": "report", "rapport": "report", "återrapportering": "report"}
ROLE_WORDS = {"ordförande": "chair", "ordf": "chair", "vice ordförande": "vice_chair",
              "sekreterare": "secretary", "justerare": "adjuster"}
FORMS = (("hybrid", "hybrid"), ("teams", "teams"), ("digital", "digital"), ("zoom", "digital"),
         ("fysisk", "physical"), ("på plats", "physical"))
ATTENDANCE_HEADS = re.compile(
    r"^(närvarande|deltagare|kallade|ledamöter|beslutande|tjänstepersoner|övriga närvarande|"
    r"ersättare|tjänstgörande ersättare)\b", re.I)

# Order matters: the first kind whose pattern matches wins.
KIND_PATTERNS = [
    ("assigned", re.compile(r"\bger? .+? i uppdrag\b|\buppdrar\b", re.I)),
    ("escalated", re.compile(r"\blyfts? till\b|\blyfta frågan\b|\beskalera", re.I)),
    ("postponed", re.compile(r"\bbordl[äa]gg|\bskjuts upp\b|\båterremitt", re.I)),
    ("rejected", re.compile(r"\bavslå(r|s)?\b|\bavslag\b", re.I)),
    ("noted", re.compile(r"\bnoter(ar|a)\b|\btill handlingarna\b", re.I)),
    ("endorsed", re.compile(r"\bställ(er|a) sig bakom\b|\btillstyrk", re.I)),
    ("approved", re.compile(r"\bgodkänn(er|a)\b", re.I)),
    ("adopted", re.compile(r"\bant(ar|a)\b|\bfastställ(er|a)\b", re.I)),
    ("decided", re.compile(r"\bbeslut(ar|a)\b", re.I)),
]
# A decision sentence names the deciding body or is a labelled decision line.
DECISION_SENTENCE = re.compile(
    r"^(?:[A-ZÅÄÖ][\wåäö-]*(?: [\wåäö-]+){0,6} )?(?:noterar informationen|lägger .*till handlingarna|"
    r"ställer sig bakom|godkänner|antar|avslår|beslutar att|ger .+ i uppdrag|bordläggs|lyfts till|"
    r"läggs till handlingarna)", re.U)
SENTENCE_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ])")


def iso(y, m, d):
    try:
        return f"{int(y):04d}-{int(m):02d}-{int(d):02d}"
    except ValueError:
        return None


def find_date(text, year=None):
    m = ISO.search(text)
    if m:
        return iso(*m.groups())
    m = LONG_DATE.search(text)
    if m and (m.group(3) or year):
        return iso(m.group(3) or year, MONTHS[m.group(2).lower()], m.group(1))
    if year:
        m = SLASH_DATE.search(text)
        if m and 1 <= int(m.group(2)) <= 12:
            return iso(year, m.group(2), m.group(1))
    return None


def amounts(text):
    out = []
    for m in AMOUNT.finditer(text):
        if m.group(5):
            out.append({"kronor": WORD_NUMBERS[m.group(5).lower()] * 1_000_000, "approximate": False})
            continue
        whole = int(re.sub(r"\D", "", m.group(2)))
        frac = m.group(3) or ""
        unit = m.group(4).lower()
        scale = {"mnkr": 1_000_000, "miljoner kronor": 1_000_000, "tkr": 1000}.get(unit, 1)
        value = whole * scale + (int(frac) * scale // 10 ** len(frac) if frac else 0)
        out.append({"kronor": value, "approximate": bool(m.group(1))})
    return out


def classify(text):
    for kind, pat in KIND_PATTERNS:
        if pat.search(text):
            return kind
    return None


def split_marks(s):
    """'Anna Berg (ordförande) (förhinder)' -> ('Anna Berg', ['ordförande', 'förhinder'])."""
    marks = re.findall(r"\(([^)]*)\)", s)
    return re.sub(r"\s*\([^)]*\)", "", s).strip(), [x.strip() for x in marks]


def item_list(s):
    """'3, 7' -> ['3', '7']; '§§ 13-14' -> ['§13', '§14']."""
    para = "§" if "§" in s else ""
    out = []
    for part in re.split(r",\s*|\s+och\s+", s.replace("§", "").strip()):
        m = re.fullmatch(r"\s*(\d+)\s*[-–]\s*(\d+)\s*", part)
        if m and int(m.group(1)) < int(m.group(2)) < int(m.group(1)) + 50:
            out += [f"{para}{n}" for n in range(int(m.group(1)), int(m.group(2)) + 1)]
        elif part.strip():
            out.append(para + part.strip())
    return out


def person(name, org=None):
    return {"name": name, "organisation": org or None, "status": "present", "roles": [],
            "coopted_items": [], "substitute_for": None}


def apply_marks(p, marks):
    for mk in marks:
        low = mk.lower()
        if low.startswith("ersätter "):
            p["substitute_for"] = mk[len("ersätter "):].strip()
        elif low.startswith(("förhinder", "förhindrad")):
            p["status"] = "excused"
        elif low in ROLE_WORDS:
            p["roles"].append(ROLE_WORDS[low])
        elif re.fullmatch(r"[§\d a-z,–-]+", low) and re.search(r"\d", low):
            p["coopted_items"] += item_list(mk)
            p["roles"].append("coopted")


def parse(text):
    raw = text.split("\n")
    lines = [ln.replace("**", "").rstrip() for ln in raw]
    res = {"body": None, "date": None, "start": None, "end": None, "place": None, "form": None,
           "attendees": [], "items": [], "writer": None, "adjusters": [], "adjusted_on": None,
           "next_meeting": None}
    people = {}

    def get(name, org=None):
        p = people.get(name)
        if p is None:
            p = people[name] = person(name, org)
            res["attendees"].append(p)
        elif org and not p["organisation"]:
            p["organisation"] = org
        return p

    # Where the agenda starts: the first numbered, § or ## item heading.
    first_item = len(lines)
    for i, ln in enumerate(lines):
        s = ln.strip()
        if ITEM_NUM.match(s) or ITEM_PARA.match(s) or (MD_HEADING.match(s) and "närvarande" not in s.lower()):
            first_item = i
            break

    # -- header ----------------------------------------------------------------
    head = lines[:first_item]
    head_text = "\n".join(head)
    for ln in head[:12]:
        s = ln.strip().lstrip("#").strip()
        if re.search(r"(grupp|nämnd|utskott|samråd|råd\b|styrelse|beredning)", s, re.I) and "\t" not in s:
            res["body"] = s
            break
    for ln in head:
        s = ln.strip()
        low = s.lower()
        if not res["date"] and re.match(r"(mötes|sammanträdes)?datum|\w+dag \d", low):
            res["date"] = find_date(s)
        if not res["start"]:
            m = TIME_RANGE.search(s)
            if m:
                res["start"] = f"{int(m.group(1)):02d}:{m.group(2)}"
                res["end"] = f"{int(m.group(3)):02d}:{m.group(4)}"
        if re.match(r"(mötesform|plats|tid)\b", low) and not res["form"]:
            for word, form in FORMS:
                if word in low:
                    res["form"] = form
                    break
        m = re.match(r"plats(?: och tid)?[:\t ]+\s*(.+)$", s, re.I)
        if m and not res["place"]:
            place = re.sub(r"^(hybrid|teams|digitalt?|fysiskt)( möte)?\s*[–-]?\s*", "", m.group(1), flags=re.I)
            place = re.sub(r",?\s*(och teams|kl\..*)$", "", place, flags=re.I).rstrip(",").strip()
            res["place"] = place or None
    if not res["date"]:
        res["date"] = find_date(head_text)
    year = res["date"][:4] if res["date"] else None

    # -- attendees ----------------------------------------------------------------
    i = 0
    in_table = False
    while i < first_item:
        s = lines[i].strip()
        low = s.lower()
        bullet = s[2:] if s.startswith("- ") else s
        # A table flattened to a run of names and then a run of organisations.
        if s == "Namn" and i + 1 < first_item:
            names, j = [], i + 1
            while j < first_item and lines[j].strip() not in ("Organisation", ""):
                names.append(lines[j].strip())
                j += 1
            if j < first_item and lines[j].strip() == "Organisation":
                orgs = [lines[k].strip() for k in range(j + 1, min(j + 1 + len(names), first_item))]
                for n, o in zip(names, orgs):
                    nm, marks = split_marks(n)
                    apply_marks(get(nm, o), marks)
                i = j + 1 + len(names)
                continue
        m = re.match(r"(frånvarande|förhinder|ej närvarande)\s*[:\t]?\s+(.+)$", s, re.I)
        if m:
            status = "excused" if m.group(1).lower() == "förhinder" else "absent"
            for n in re.split(r",\s*|;\s*", m.group(2)):
                n = n.strip()
                if re.fullmatch(NAME, n):
                    get(n)["status"] = status
            i += 1
            continue
        m = re.match(r"(ordförande|vice ordförande|sekreterare|justerare)\s*[:\t ]\s*(" + NAME + r")$", s, re.I)
        if m:
            role = ROLE_WORDS[m.group(1).lower()]
            p = get(m.group(2))
            if role not in p["roles"]:
                p["roles"].append(role)
            i += 1
            continue
        m = re.match(r"adjungerade\s*:?\s*(.*)$", s, re.I)
        if m:
            chunks = [c for c in re.split(r";\s*", m.group(1)) if c.strip()]
            j = i + 1
            while not m.group(1).strip() and j < first_item and lines[j].strip():
                chunks.append(lines[j].strip())
                j += 1
            for c in chunks:
                for part in re.split(r"\),\s*", c):
                    part = part + ")" if "(" in part and not part.endswith(")") else part
                    nm, marks = split_marks(part)
                    nm, _, org = nm.partition(", ")
                    if re.fullmatch(NAME, nm):
                        p = get(nm, org or None)
                        apply_marks(p, marks)
                        if "coopted" not in p["roles"]:
                            p["roles"].append("coopted")
            i = max(j, i + 1)
            continue
        # Semicolon lists: "Kallade: Name, Org (role); Name, Org".
        m = re.match(r"(kallade|närvarande|deltagare|tjänstepersoner|ersättare)\s*:\s*(.+;.+|.+,.+)$", s, re.I)
        if m:
            for c in re.split(r";\s*", m.group(2)):
                nm, marks = split_marks(c)
                nm, _, org = nm.partition(", ")
                if re.fullmatch(NAME, nm.strip()):
                    apply_marks(get(nm.strip(), org.strip() or None), marks)
            i += 1
            continue
        if re.match(r"namn\t", low):
            in_table = True
        # Tab row: "Name (marks)\tOrganisation", only under a "Namn\t..." header.
        m = in_table and re.match(r"^(" + NAME + r")((?:\s*\([^)]*\))*)\t+([^\t]+)$", s)
        if m:
            apply_marks(get(m.group(1), m.group(3).strip()), split_marks(m.group(2))[1])
            i += 1
            continue
        # "Name, Organisation (marks)" lines, possibly bulleted.
        m = re.match(r"^(" + NAME + r"),\s*([^()\t]+?)\s*((?:\([^)]*\)\s*)*)$", bullet)
        if m and not re.search(r"\d{4}", m.group(2)):
            org, _, items = m.group(2).strip().partition(", §")
            marks = split_marks(m.group(3))[1]
            if items:
                marks.append("§" + items)
            if org.lower() in ROLE_WORDS:
                marks.append(org)
                org = None
            apply_marks(get(m.group(1), org), marks)
            i += 1
            continue
        # Protocol front page: indented names, "Name, role" or "Name, Org, § 13".
        m = re.match(r"^(?:(?:Beslutande|Övriga|Ledamöter)\s+)?\s*(" + NAME + r")((?:,\s*[^,()]+)*)((?:\s*\([^)]*\))*)$",
                     re.sub(r"^närvarande\s+", "", lines[i].strip())
                     if lines[i].startswith((" ", "Beslutande", "Övriga", "närvarande")) else "")
        if m:
            p = get(m.group(1))
            for extra in [x.strip() for x in m.group(2).split(",") if x.strip()]:
                if extra.lower() in ROLE_WORDS:
                    p["roles"].append(ROLE_WORDS[extra.lower()])
                elif extra.startswith("§"):
                    p["coopted_items"] += item_list(extra)
                    p["roles"].append("coopted")
                else:
                    p["organisation"] = p["organisation"] or extra
            apply_marks(p, split_marks(m.group(3))[1])
            i += 1
            continue
        # Bullets under an organisation heading: "- Name (marks)".
        m = re.match(r"^-\s+(" + NAME + r")((?:\s*\([^)]*\))*)$", s)
        if m:
            apply_marks(get(m.group(1)), split_marks(m.group(2))[1])
        i += 1

    # -- items -----------------------------------------------------------------------
    item = None
    in_proposal = False
    para = []

    def flush():
        nonlocal para
        if item is None or not para:
            para = []
            return
        text = " ".join(para)
        para = []
        item["_text"].append(text)
        if in_proposal:
            return
        label = re.match(r"^(ställningstagande|beslut)\s*:\s*(.+)$", text, re.I)
        if label:
            cands = [label.group(2)]
        else:
            cands = [c for c in SENTENCE_SPLIT.split(text) if DECISION_SENTENCE.match(c)]
        for c in cands:
            if re.search(r"beslutar att\s*$", c):
                item["_list"] = True
                continue
            kind = classify(c)
            if kind:
                item["decisions"].append({"kind": kind, "text": c.strip()})

    for ln in lines[first_item:]:
        s = ln.strip()
        low = s.lower()
        new = None
        m = ITEM_NUM.match(s)
        if m:
            new = (m.group(1), m.group(2).strip())
        else:
            m = ITEM_PARA.match(s)
            if m:
                new = ("§" + m.group(1), m.group(2).strip())
            else:
                m = MD_HEADING.match(s)
                if m:
                    new = ("", m.group(1).strip())
        if new:
            flush()
            item = {"number": new[0], "title": new[1], "purposes": [], "presenters": [],
                    "decisions": [], "amounts": [], "_text": [], "_list": False}
            res["items"].append(item)
            in_proposal = False
            continue
        if item is None:
            continue
        if not s:
            flush()
            continue
        if not item["title"]:
            item["title"] = s
            continue
        if low in PURPOSE_WORDS or low.startswith("syfte:") or low == "information och dialog":
            val = low.split(":", 1)[1].strip() if low.startswith("syfte:") else low
            item["purposes"] = sorted({PURPOSE_WORDS.get(w.strip(), "other") for w in val.split(" och ")})
            if low != "beslut":
                continue
        if low in ("förslag till beslut",):
            flush()
            in_proposal = True
            continue
        if low in ("beslut", "beslutsunderlag", "ärendebeskrivning", "expedieras till"):
            flush()
            in_proposal = False
            item["_list"] = False
            continue
        m = re.match(r"föredragande\s*:\s*(.+)$", s, re.I)
        if m:
            for part in re.split(r"\s+och\s+(?=[A-ZÅÄÖ])", m.group(1)):
                item["presenters"].append(part.split(",")[0].strip())
            continue
        m = re.match(r"(vid anteckningarna|vid protokollet|antecknare|justerat|justeras|nästa möte)\b", low)
        if m:
            flush()
            para = [s]
            continue
        if s.startswith("- ") and item["_list"] and not in_proposal:
            # Every point after "X beslutar att" is a decision; the verb may name no kind.
            item["decisions"].append({"kind": classify(s[2:]) or "decided", "text": s[2:].strip()})
            item["_text"].append(s[2:])
            continue
        if re.match(r"^(ställningstagande|beslut)\s*:", low):
            flush()
        para.append(s)
    flush()

    # -- record lines (anywhere) ---------------------------------------------------
    for idx, ln in enumerate(lines):
        s = ln.strip()
        low = s.lower()
        nxt = next((x.strip() for x in lines[idx + 1:idx + 4] if x.strip()), "")
        m = re.match(r"(vid anteckningarna|vid protokollet|antecknare)\s*[:\t]?\s*(.*)$", low)
        if m:
            name = s[len(s) - len(m.group(2)):].strip() if m.group(2) else nxt
            if re.fullmatch(NAME, name):
                res["writer"] = name
        if re.match(r"justerare\s{2,}|justerare\s*:", low):
            res["adjusters"] += re.findall(NAME, s[len("justerare"):])
        elif low == "justeras":
            res["adjusters"] += [n.strip() for n in re.split(r"\s{2,}|,\s*", nxt) if re.fullmatch(NAME, n.strip())]
        m = re.match(r"justerat\s+(\d{4}-\d{2}-\d{2})", low)
        if m:
            res["adjusted_on"] = m.group(1)
        if low.startswith("nästa möte") and not res["next_meeting"]:
            res["next_meeting"] = find_date(s, year)
    res["adjusters"] = list(dict.fromkeys(res["adjusters"]))
    if res["writer"]:
        p = people.get(res["writer"])
        if p and "record_writer" not in p["roles"]:
            p["roles"].append("record_writer")

    for it in res["items"]:
        text = " ".join(it.pop("_text"))
        it.pop("_list")
        it["amounts"] = amounts(text)
    return res


def iter_files(paths):
    for p in paths:
        if os.path.isdir(p):
            found = []
            for root, _, files in os.walk(p):
                found += [os.path.join(root, f) for f in files if f.endswith((".txt", ".md"))]
            yield from sorted(found)
        else:
            yield p


def main(argv=None):
    args = sys.argv[1:] if argv is None else argv
    mode = "lines"
    if args and args[0] in ("--json", "--summary"):
        mode = args.pop(0)[2:]
    if not args or args[0] in ("-h", "--help"):
        print(__doc__.strip())
        return 0 if args else 2
    tot = {"files": 0, "bytes": 0, "meetings": 0, "attendees": 0, "items": 0, "decisions": 0, "amounts": 0}
    for path in iter_files(args):
        with open(path, "rb") as f:
            data = f.read()
        r = parse(data.decode("utf-8", errors="replace"))
        n_dec = sum(len(it["decisions"]) for it in r["items"])
        tot["files"] += 1
        tot["bytes"] += len(data)
        tot["meetings"] += 1 if (r["date"] or r["items"]) else 0
        tot["attendees"] += len(r["attendees"])
        tot["items"] += len(r["items"])
        tot["decisions"] += n_dec
        tot["amounts"] += sum(len(it["amounts"]) for it in r["items"])
        if mode == "json":
            print(json.dumps({"file": path, **r}, ensure_ascii=False))
        elif mode == "lines":
            print(f"{path}: {r['date']} {r['start']}-{r['end']} {r['form']}; "
                  f"{len(r['attendees'])} attendees, {len(r['items'])} items, {n_dec} decisions")
    if mode == "summary":
        print(json.dumps(tot))
    return 0


if __name__ == "__main__":
    sys.exit(main())
