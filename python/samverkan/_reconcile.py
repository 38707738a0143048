"""Before merging a corpus imported apart, the importer's name resolution across the seam.

`Corpus.merge` recognises an organisation by a name or alias both corpora
write alike, and a person by name and organisation. The importer, reading
document after document into one corpus, also takes "VGR" for a
"Västra Götalandsregionen" met before (and the reverse, renaming an
organisation first met under its acronym), "Halland region" for
"Region Halland", and a name met before at one organisation for the same
person at another. A partition imported on its own saw none of the earlier
documents; `reconcile` applies those rules of the importer to the right-hand
corpus's organisations and people against the left-hand corpus's, so that
`left.merge(right)` joins what one import would have joined.

The rules themselves (acronyms, a region's core name, the kind a name
suggests) are the importer's, through `_core._import_name_rules`.
"""

from __future__ import annotations

from typing import Dict, List, Optional, Tuple

from . import _core


def _fold(text: str) -> str:
    return " ".join(text.split()).lower()


def _rules(name: str) -> Tuple[bool, str, List[str], object]:
    return _core._import_name_rules(name)


def _importer_match(left: _core.Corpus, orgs: List[_core.Organisation], name: str) -> Optional[str]:
    """What the importer's organisation() finds for `name` in `left` beyond exact names and aliases."""
    caps, core, names, _ = _rules(name)
    folded = _fold(name)
    found: Optional[str] = None
    ambiguous = False

    def consider(oid: str) -> None:
        nonlocal found, ambiguous
        if found is not None and found != oid:
            ambiguous = True
        found = oid

    if caps and len(name.encode()) <= 12:
        for org in orgs:
            if not org.name or org.name[:1].lower() != folded[:1]:
                continue
            if folded in _rules(org.name)[2]:
                consider(org.id)
    else:
        for org in orgs:
            if core and str(org.kind) == "region":
                same = _rules(org.name)[1] == core or any(_rules(a)[1] == core for a in org.aliases)
                if same:
                    consider(org.id)
            if str(org.kind) == "other" and _rules(org.name)[0] and _fold(org.name) in names:
                consider(org.id)
    return None if ambiguous else found


def reconcile(left: _core.Corpus, right: _core.Corpus) -> None:
    """Changes `left` and `right` so that left.merge(right) joins what one import would.

    Organisations of `right` that the importer would have taken for one of
    `left`'s get that one's name as an alias (the merge then matches them);
    one of `left`'s first met under its acronym takes the full name, as the
    importer renames it. A person of `right` whose name `left` has exactly
    once, at another organisation, loses the organisation in `right` so that
    the merge takes the person for `left`'s (whose organisation is kept).
    """
    left_orgs = left.organisations()
    # right's organisation id -> left's id, for the people below.
    org_map: Dict[str, str] = {}
    for org in right.organisations():
        exact = left.resolve_organisation(org.name)
        if exact is None:
            for alias in org.aliases:
                exact = left.resolve_organisation(alias)
                if exact is not None:
                    break
        if exact is not None:
            org_map[org.id] = exact
            continue
        match = _importer_match(left, left_orgs, org.name)
        if match is None:
            continue
        org_map[org.id] = match
        ours = left.get_organisation(match)
        caps_ours = _rules(ours.name)[0]
        if caps_ours and not _rules(org.name)[0]:
            # The importer keeps the full name as the name and the acronym as an alias.
            renamed = ours
            renamed.aliases = list(ours.aliases) + [ours.name]
            renamed.name = org.name
            if str(renamed.kind) == "other":
                renamed.kind = _rules(org.name)[3]
            left.update(renamed)
            left_orgs = left.organisations()
        else:
            org.aliases = list(org.aliases) + [ours.name]
            right.update(org)

    for person in right.people():
        if person.organisation is None:
            continue
        namesakes = left.resolve_person(person.name)
        if len(namesakes) != 1:
            continue
        theirs = left.get_person(namesakes[0])
        mapped = org_map.get(person.organisation, person.organisation)
        if theirs.organisation is None or theirs.organisation == mapped:
            continue
        person.organisation = None
        right.update(person)


def snapshot(corpus: _core.Corpus) -> Tuple[Dict[str, Optional[str]], Dict[str, object]]:
    """What the importer never changes in a record once made: a person's organisation, an organisation's kind."""
    return ({p.id: p.organisation for p in corpus.people()}, {o.id: o.kind for o in corpus.organisations()})


def restore(corpus: _core.Corpus, kept: Tuple[Dict[str, Optional[str]], Dict[str, object]]) -> None:
    """Undoes the merge's filling of those fields from the right-hand corpus (the merge fills what ours left
    empty; the importer, meeting the name again, leaves the record as first made)."""
    people, kinds = kept
    for person in corpus.people():
        if person.id in people and person.organisation != people[person.id]:
            person.organisation = people[person.id]
            corpus.update(person)
    for org in corpus.organisations():
        if org.id in kinds and org.kind != kinds[org.id]:
            org.kind = kinds[org.id]
            corpus.update(org)
