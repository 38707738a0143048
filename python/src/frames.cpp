// Tables for analysis. Each table is first built column by column into plain
// C++ vectors with the GIL released and the corpus locked for reading, then
// each column becomes one NumPy array (or pandas extension array) and the
// table one pandas.DataFrame: Python is called per column and per distinct
// value, not per record (text cells are codes into a pool of distinct values).
//
// Column conventions (documented in README.md and docs/frames.md):
//   <table>_id      a table's own id, unique per row: str (object) column
//   other *_id      references: pandas Categorical from codes and one list of
//                   the ids that occur, so a million rows naming 7000 people
//                   hold 7000 str objects
//   *_name          beside every reference to a named record (organisation,
//                   body, person, indicator, agreement, plan, goal, activity,
//                   pot): its name (title), Categorical, looked up once per id
//   *_ids/*_names   lists of references and their names, one str joined "; "
//   item_id         "<meeting_id>#<order>" of an agenda item (see item_keys): str in
//                   agenda_items (its own id), Categorical in every other table about
//                   items, so joins on it are exact
//   text            object column; equal texts share one str object
//   dates           datetime64[ns], NaT when missing
//   money           <name>_ore int64 (Int64 when the amount may be missing),
//                   <name>_kr float64 (NaN when missing) for plots and sums,
//                   <name>_kr_exact decimal.Decimal, <name>_currency
//   vocabularies    pandas Categorical with every value of the vocabulary as
//                   categories, in declaration order; English names, or the
//                   Swedish terms with language="sv"
#include "tables.hpp"

#include <pybind11/numpy.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <deque>
#include <functional>
#include <limits>
#include <set>

namespace samverkan_py {

namespace {

// The readable name of a record: what a chart labels it by.
template <class R>
std::string record_name(const R& r) {
  if constexpr (requires { r.short_name; }) {
    if (!r.short_name.empty()) return r.short_name;
    return r.title;
  } else if constexpr (requires { r.name; }) {
    return r.name;
  } else {
    return r.title;
  }
}

// The name of the record an id refers to, or nullopt when the corpus has none.
template <class IdT>
std::optional<std::string> name_of(const Corpus& corpus, const IdT& id) {
  const auto* record = [&] {
    if constexpr (std::is_same_v<IdT, GoalId>)
      return corpus.find_goal(id);
    else if constexpr (std::is_same_v<IdT, ActivityId>)
      return corpus.find_activity(id);
    else
      return corpus.find(id);
  }();
  if (!record) return std::nullopt;
  return record_name(*record);
}

// An id column and the name column beside it ("<prefix>_id", "<prefix>_name"):
// each distinct id is looked up in the corpus once, not once per row.
template <class IdT>
struct named_column {
  const Corpus& corpus;
  Column& ids;
  Column& names;
  std::vector<std::int32_t> name_code;  // by id code; -2 not looked up yet

  named_column(const Corpus& c, Table& t, const std::string& prefix)
      : corpus(c), ids(t.column(prefix + "_id", Kind::category)), names(t.column(prefix + "_name", Kind::category)) {}

  void add(const IdT& id) {
    ids.add(id);
    const auto code = static_cast<std::size_t>(ids.codes.back());
    if (code >= name_code.size()) name_code.resize(code + 1, -2);
    if (name_code[code] == -2) {
      const auto name = name_of(corpus, id);
      name_code[code] = name ? names.pool.code(*name) : -1;
    }
    names.codes.push_back(name_code[code]);
  }
  void add(const std::optional<IdT>& id) {
    if (id) return add(*id);
    ids.add_missing();
    names.add_missing();
  }
};

// A list of references as two joined columns, "<prefix>_ids" and "<prefix>_names".
template <class IdT>
struct named_list {
  const Corpus& corpus;
  Column& ids;
  Column& names;
  string_pool seen;                // the ids looked up so far
  std::vector<std::string> found;  // their names, by code in `seen`

  named_list(const Corpus& c, Table& t, const std::string& prefix)
      : corpus(c), ids(t.column(prefix + "_ids", Kind::text)), names(t.column(prefix + "_names", Kind::text)) {}

  template <class Range, class F>
  void add(const Range& range, F&& id_of) {
    std::vector<std::string> id_texts, name_texts;
    for (const auto& element : range) {
      const IdT& id = id_of(element);
      id_texts.push_back(id.str());
      // Each distinct id looked up once: the same presenters recur on many items.
      const auto code = static_cast<std::size_t>(seen.code(id_texts.back()));
      if (code == found.size()) found.push_back(name_of(corpus, id).value_or(id.str()));
      name_texts.push_back(found[code]);
    }
    ids.add(joined(id_texts));
    names.add(joined(name_texts));
  }

  template <class Range>
  void add(const Range& range) {
    add(range, [](const IdT& id) -> const IdT& { return id; });
  }
};

// ---- agenda items: their ids ----

/// The key of each item of a meeting, in item order: its `order` when that
/// is set and unique in the meeting, else "@<position>" (1-based), so that
/// hand-made items without an order still get distinct, stable ids.
std::vector<std::string> item_keys(const Meeting& m) {
  std::map<std::uint32_t, int> seen;
  for (const auto& item : m.items)
    if (item.order != 0) ++seen[item.order];
  std::vector<std::string> keys;
  keys.reserve(m.items.size());
  for (std::size_t i = 0; i < m.items.size(); ++i) {
    const auto order = m.items[i].order;
    keys.push_back(order != 0 && seen[order] == 1 ? std::to_string(order) : "@" + std::to_string(i + 1));
  }
  return keys;
}

/// "<meeting_id>#<key>" for each item of a meeting.
std::vector<std::string> item_ids(const Meeting& m) {
  std::vector<std::string> ids = item_keys(m);
  for (auto& key : ids) key = m.id.str() + "#" + key;
  return ids;
}

/// The item ids of one meeting, made the first time one is asked for: the
/// tables of escalations, amounts ... have rows for few meetings.
class meeting_item_ids {
 public:
  explicit meeting_item_ids(const Meeting& m) : meeting_(m) {}
  const std::string& operator[](std::size_t i) {
    if (ids_.empty()) ids_ = item_ids(meeting_);
    return ids_[i];
  }

 private:
  const Meeting& meeting_;
  std::vector<std::string> ids_;
};

/// The item an action item came from: by its order (ActionItem 2), else by
/// the decision that gave it, else by the number as written (or, in files
/// of ActionItem 1, the title an unnumbered item was named by). -1: none.
std::ptrdiff_t item_of(const Meeting& m, const ActionItem& a) {
  const auto& items = m.items;
  if (a.item_order != 0)
    for (std::size_t i = 0; i < items.size(); ++i)
      if (items[i].order == a.item_order) return static_cast<std::ptrdiff_t>(i);
  if (a.decision)
    for (std::size_t i = 0; i < items.size(); ++i)
      for (const auto& d : items[i].decisions)
        if (d.id == *a.decision) return static_cast<std::ptrdiff_t>(i);
  if (!a.item_number.empty()) {
    for (std::size_t i = 0; i < items.size(); ++i)
      if (items[i].number == a.item_number) return static_cast<std::ptrdiff_t>(i);
    for (std::size_t i = 0; i < items.size(); ++i)
      if (items[i].number.empty() && items[i].title == a.item_number) return static_cast<std::ptrdiff_t>(i);
  }
  return -1;
}

// The columns every table about an agenda item starts with.
struct item_columns {
  Column& item_id;
  Column& meeting;
  Column& date;
  named_column<OrganisationId> body;
  Column& number;

  item_columns(const Corpus& c, Table& t, Kind id_kind = Kind::category)
      : item_id(t.column("item_id", id_kind)),
        meeting(t.column("meeting_id", Kind::category)),
        date(t.column("date", Kind::date)),
        body(c, t, "body"),
        number(t.column("item_number", Kind::text)) {}

  void add(const Meeting& m, const std::string& id, const AgendaItem& item) {
    item_id.add(id);
    meeting.add(m.id);
    date.add_date(m.date);
    body.add(m.body);
    number.add(item.number);
  }
};

// ---- the tables ----

Table meetings(const Corpus& c, bool sv) {
  Table t(sv);
  auto& id = t.column("meeting_id", Kind::text);
  named_column<OrganisationId> body(c, t, "body");
  auto& title = t.column("title", Kind::text);
  auto& kind = t.vocabulary_column<RecordKind>("record_kind");
  auto& date = t.column("date", Kind::date);
  auto& start = t.column("start", Kind::text);
  auto& end = t.column("end", Kind::text);
  auto& place = t.column("place", Kind::text);
  auto& form = t.vocabulary_column<MeetingForm>("form");
  auto& attendees = t.column("attendees", Kind::integer);
  auto& items = t.column("agenda_items", Kind::integer);
  auto& adjusted = t.column("adjusted_on", Kind::date);
  auto& next = t.column("next_meeting", Kind::date);
  for (const auto& [key, m] : c.meetings()) {
    id.add(m.id);
    body.add(m.body);
    title.add(m.title);
    kind.add(m.record_kind);
    date.add_date(m.date);
    start.add(m.start ? std::optional<std::string>(m.start->str()) : std::nullopt);
    end.add(m.end ? std::optional<std::string>(m.end->str()) : std::nullopt);
    place.add(m.place);
    form.add(m.form);
    attendees.add_int(static_cast<std::int64_t>(m.attendance.size()));
    items.add_int(static_cast<std::int64_t>(m.items.size()));
    adjusted.add_date(m.adjusted_on);
    next.add_date(m.next_meeting);
  }
  return t;
}

Table attendance(const Corpus& c, bool sv) {
  Table t(sv);
  auto& meeting = t.column("meeting_id", Kind::category);
  auto& date = t.column("date", Kind::date);
  named_column<OrganisationId> body(c, t, "body");
  named_column<PersonId> person(c, t, "person");
  named_column<OrganisationId> represents(c, t, "represents");
  auto& status = t.vocabulary_column<AttendanceStatus>("status");
  auto& roles = t.column("roles", Kind::text);
  auto& coopted = t.column("coopted_for_items", Kind::text);
  named_column<PersonId> substitute(c, t, "substitute_for");
  auto& party = t.column("party", Kind::category);
  auto& note = t.column("note", Kind::text);
  for (const auto& [key, m] : c.meetings())
    for (const auto& a : m.attendance) {
      meeting.add(m.id);
      date.add_date(m.date);
      body.add(m.body);
      person.add(a.person);
      represents.add(a.represents);
      status.add(a.status);
      roles.add(joined(a.roles, [&](MeetingRole r) { return t.label(r); }));
      coopted.add(joined(a.coopted_for_items));
      substitute.add(a.substitute_for);
      party.add(a.party);
      note.add(a.note);
    }
  return t;
}

Table agenda_items(const Corpus& c, bool sv) {
  Table t(sv);
  item_columns item(c, t, Kind::text);  // the table's own id: unique per row
  auto& order = t.column("order", Kind::integer);
  auto& title = t.column("title", Kind::text);
  auto& purposes = t.column("purposes", Kind::text);
  named_list<PersonId> presenters(c, t, "presenter");
  auto& case_number = t.column("case_number", Kind::text);
  auto& decisions = t.column("decisions", Kind::integer);
  auto& escalations = t.column("escalations", Kind::integer);
  auto& amounts = t.column("amounts", Kind::integer);
  auto& attachments = t.column("attachments", Kind::integer);
  auto& text_length = t.column("text_length", Kind::integer);
  for (const auto& [key, m] : c.meetings()) {
    meeting_item_ids ids(m);
    for (std::size_t i = 0; i < m.items.size(); ++i) {
      const AgendaItem& it = m.items[i];
      item.add(m, ids[i], it);
      order.add_int(it.order);
      title.add(it.title);
      purposes.add(joined(it.purposes, [&](ItemPurpose p) { return t.label(p); }));
      presenters.add(it.presenters);
      case_number.add(it.case_number);
      decisions.add_int(static_cast<std::int64_t>(it.decisions.size()));
      escalations.add_int(static_cast<std::int64_t>(it.escalations.size()));
      amounts.add_int(static_cast<std::int64_t>(it.amounts.size()));
      attachments.add_int(static_cast<std::int64_t>(it.attachments.size()));
      text_length.add_int(static_cast<std::int64_t>(it.text.size()));
    }
  }
  return t;
}

Table decisions(const Corpus& c, bool sv) {
  Table t(sv);
  auto& id = t.column("decision_id", Kind::text);
  item_columns item(c, t);
  auto& item_title = t.column("item_title", Kind::text);
  auto& kind = t.vocabulary_column<DecisionKind>("kind");
  auto& procedural = t.column("procedural", Kind::boolean);
  auto& text = t.column("text", Kind::text);
  auto& proposal = t.column("proposal", Kind::text);
  named_column<OrganisationId> decided_by(c, t, "decided_by");
  auto& references = t.column("references", Kind::text);
  for (const auto& [key, m] : c.meetings()) {
    meeting_item_ids ids(m);
    for (std::size_t i = 0; i < m.items.size(); ++i)
      for (const auto& d : m.items[i].decisions) {
        id.add(d.id);
        item.add(m, ids[i], m.items[i]);
        item_title.add(m.items[i].title);
        kind.add(d.kind);
        procedural.add_bool(d.procedural);
        text.add(d.text);
        proposal.add(d.proposal);
        decided_by.add(d.body ? *d.body : m.body);
        references.add(joined(d.references, [](const EntityRef& r) { return r.id; }));
      }
  }
  return t;
}

Table escalations(const Corpus& c, bool sv) {
  Table t(sv);
  item_columns item(c, t);
  auto& index = t.column("index", Kind::integer);
  auto& item_title = t.column("item_title", Kind::text);
  auto& what = t.column("what", Kind::text);
  named_column<OrganisationId> to(c, t, "to");
  for (const auto& [key, m] : c.meetings()) {
    meeting_item_ids ids(m);
    for (std::size_t i = 0; i < m.items.size(); ++i)
      for (std::size_t e = 0; e < m.items[i].escalations.size(); ++e) {
        const Escalation& esc = m.items[i].escalations[e];
        item.add(m, ids[i], m.items[i]);
        index.add_int(static_cast<std::int64_t>(e));
        item_title.add(m.items[i].title);
        what.add(esc.what);
        to.add(esc.to);
      }
  }
  return t;
}

Table amounts(const Corpus& c, bool sv) {
  Table t(sv);
  item_columns item(c, t);
  auto& index = t.column("index", Kind::integer);
  MoneyColumns amount(t, "amount", false);
  auto& approximate = t.column("approximate", Kind::boolean);
  auto& item_title = t.column("item_title", Kind::text);
  for (const auto& [key, m] : c.meetings()) {
    meeting_item_ids ids(m);
    for (std::size_t i = 0; i < m.items.size(); ++i)
      for (std::size_t k = 0; k < m.items[i].amounts.size(); ++k) {
        const Money& money = m.items[i].amounts[k];
        item.add(m, ids[i], m.items[i]);
        index.add_int(static_cast<std::int64_t>(k));
        amount.add(money);
        approximate.add_bool(money.approximate());
        item_title.add(m.items[i].title);
      }
  }
  return t;
}

Table item_dates(const Corpus& c, bool sv) {
  Table t(sv);
  item_columns item(c, t);
  auto& index = t.column("index", Kind::integer);
  auto& mentioned = t.column("mentioned", Kind::date);
  for (const auto& [key, m] : c.meetings()) {
    meeting_item_ids ids(m);
    for (std::size_t i = 0; i < m.items.size(); ++i)
      for (std::size_t k = 0; k < m.items[i].dates.size(); ++k) {
        item.add(m, ids[i], m.items[i]);
        index.add_int(static_cast<std::int64_t>(k));
        mentioned.add_date(m.items[i].dates[k]);
      }
  }
  return t;
}

Table attachments(const Corpus& c, bool sv) {
  Table t(sv);
  item_columns item(c, t);
  auto& index = t.column("index", Kind::integer);
  auto& attachment = t.column("attachment", Kind::text);
  for (const auto& [key, m] : c.meetings()) {
    meeting_item_ids ids(m);
    for (std::size_t i = 0; i < m.items.size(); ++i)
      for (std::size_t k = 0; k < m.items[i].attachments.size(); ++k) {
        item.add(m, ids[i], m.items[i]);
        index.add_int(static_cast<std::int64_t>(k));
        attachment.add(m.items[i].attachments[k]);
      }
  }
  return t;
}

Table item_texts(const Corpus& c, bool sv) {
  Table t(sv);
  item_columns item(c, t);
  auto& title = t.column("title", Kind::text);
  auto& text = t.column("text", Kind::text);
  for (const auto& [key, m] : c.meetings()) {
    meeting_item_ids ids(m);
    for (std::size_t i = 0; i < m.items.size(); ++i) {
      if (m.items[i].text.empty()) continue;
      item.add(m, ids[i], m.items[i]);
      title.add(m.items[i].title);
      text.add(m.items[i].text);
    }
  }
  return t;
}

Table action_items(const Corpus& c, bool sv) {
  Table t(sv);
  auto& id = t.column("action_item_id", Kind::text);
  auto& what = t.column("what", Kind::text);
  named_column<PersonId> person(c, t, "owner_person");
  named_column<OrganisationId> organisation(c, t, "owner_organisation");
  auto& due = t.column("due", Kind::date);
  auto& status = t.vocabulary_column<ActionStatus>("status");
  auto& done_on = t.column("done_on", Kind::date);
  auto& open = t.column("is_open", Kind::boolean);
  auto& meeting = t.column("meeting_id", Kind::category);
  auto& meeting_date = t.column("meeting_date", Kind::date);
  named_column<OrganisationId> body(c, t, "body");
  auto& item_id = t.column("item_id", Kind::category);
  auto& item_number = t.column("item_number", Kind::text);
  auto& item_order = t.column("item_order", Kind::integer);  // as recorded; 0 when not known
  auto& decision = t.column("decision_id", Kind::category);
  for (const auto& [key, a] : c.action_items()) {
    id.add(a.id);
    what.add(a.what);
    person.add(a.owner_person);
    organisation.add(a.owner_organisation);
    due.add_date(a.due);
    status.add(a.status);
    done_on.add_date(a.done_on);
    open.add_bool(a.is_open());
    meeting.add(a.meeting);
    const Meeting* m = a.meeting ? c.find(*a.meeting) : nullptr;
    meeting_date.add_date(m ? m->date : std::nullopt);
    body.add(m ? std::optional<OrganisationId>(m->body) : std::nullopt);
    const std::ptrdiff_t at = m ? item_of(*m, a) : -1;
    if (at >= 0) {
      item_id.add(item_ids(*m)[static_cast<std::size_t>(at)]);
      item_number.add(m->items[static_cast<std::size_t>(at)].number);
    } else {
      item_id.add_missing();
      item_number.add(a.item_number);
    }
    item_order.add_int(a.item_order);
    decision.add(a.decision);
  }
  return t;
}

Table organisations(const Corpus& c, bool sv) {
  Table t(sv);
  auto& id = t.column("organisation_id", Kind::text);
  auto& name = t.column("name", Kind::text);
  auto& number = t.column("organisation_number", Kind::text);
  auto& kind = t.vocabulary_column<OrganisationKind>("kind");
  named_column<OrganisationId> parent(c, t, "parent");
  auto& aliases = t.column("aliases", Kind::text);
  for (const auto& [key, o] : c.organisations()) {
    id.add(o.id);
    name.add(o.name);
    number.add(o.organisation_number);
    kind.add(o.kind);
    parent.add(o.parent);
    aliases.add(joined(o.aliases));
  }
  return t;
}

Table people(const Corpus& c, bool sv) {
  Table t(sv);
  auto& id = t.column("person_id", Kind::text);
  auto& name = t.column("name", Kind::text);
  auto& title = t.column("title", Kind::text);
  named_column<OrganisationId> organisation(c, t, "organisation");
  for (const auto& [key, p] : c.people()) {
    id.add(p.id);
    name.add(p.name);
    title.add(p.title);
    organisation.add(p.organisation);
  }
  return t;
}

Table memberships(const Corpus& c, bool sv) {
  Table t(sv);
  auto& id = t.column("membership_id", Kind::text);
  named_column<PersonId> person(c, t, "person");
  named_column<OrganisationId> organisation(c, t, "organisation");
  auto& role = t.vocabulary_column<MembershipRole>("role");
  auto& role_title = t.column("role_title", Kind::text);
  auto& start = t.column("start", Kind::date);
  auto& end = t.column("end", Kind::date);
  named_column<OrganisationId> behalf(c, t, "on_behalf_of");
  named_column<PersonId> substitute(c, t, "substitute_for");
  for (const auto& [key, m] : c.memberships()) {
    id.add(m.id);
    person.add(m.person);
    organisation.add(m.organisation);
    role.add(m.role);
    role_title.add(m.role_title);
    start.add_date(m.period.start);
    end.add_date(m.period.end);
    behalf.add(m.on_behalf_of);
    substitute.add(m.substitute_for);
  }
  return t;
}

Table agreements(const Corpus& c, bool sv) {
  Table t(sv);
  auto& id = t.column("agreement_id", Kind::text);
  auto& title = t.column("title", Kind::text);
  auto& short_name = t.column("short_name", Kind::text);
  auto& case_number = t.column("case_number", Kind::text);
  auto& start = t.column("start", Kind::date);
  auto& end = t.column("end", Kind::date);
  auto& effective_end = t.column("effective_end", Kind::date);
  MoneyColumns total(t, "total", true);
  named_list<OrganisationId> parties(c, t, "party");
  auto& payments = t.column("payments", Kind::integer);
  for (const auto& [key, a] : c.agreements()) {
    id.add(a.id);
    title.add(a.title);
    short_name.add(a.short_name);
    case_number.add(a.case_number);
    start.add_date(a.validity.start);
    end.add_date(a.validity.end);
    effective_end.add_date(a.effective_validity().end);
    total.add(a.total);
    parties.add(a.parties, [](const Party& p) -> const OrganisationId& { return p.organisation; });
    payments.add_int(static_cast<std::int64_t>(a.payments.size()));
  }
  return t;
}

Table payments(const Corpus& c, bool sv) {
  Table t(sv);
  named_column<AgreementId> agreement(c, t, "agreement");
  auto& index = t.column("index", Kind::integer);
  MoneyColumns amount(t, "amount", false);
  auto& approximate = t.column("approximate", Kind::boolean);
  auto& date = t.column("date", Kind::date);
  auto& block = t.column("block", Kind::text);
  auto& condition = t.column("condition", Kind::text);
  named_column<OrganisationId> payer(c, t, "payer");
  named_column<OrganisationId> payee(c, t, "payee");
  auto& status = t.vocabulary_column<MilestoneStatus>("status");
  for (const auto& [key, a] : c.agreements())
    for (std::size_t i = 0; i < a.payments.size(); ++i) {
      const Payment& p = a.payments[i];
      agreement.add(a.id);
      index.add_int(static_cast<std::int64_t>(i));
      amount.add(p.amount);
      approximate.add_bool(p.amount.approximate());
      date.add_date(p.date);
      block.add(p.block);
      condition.add(p.condition);
      payer.add(p.payer);
      payee.add(p.payee);
      status.add(p.status);
    }
  return t;
}

Table obligations(const Corpus& c, bool sv) {
  Table t(sv);
  named_column<AgreementId> agreement(c, t, "agreement");
  auto& index = t.column("index", Kind::integer);
  auto& what = t.column("what", Kind::text);
  named_column<OrganisationId> by(c, t, "by");
  named_column<OrganisationId> to(c, t, "to");
  auto& deadline = t.column("deadline", Kind::date);
  auto& status = t.vocabulary_column<MilestoneStatus>("status");
  for (const auto& [key, a] : c.agreements())
    for (std::size_t i = 0; i < a.obligations.size(); ++i) {
      const ReportingObligation& o = a.obligations[i];
      agreement.add(a.id);
      index.add_int(static_cast<std::int64_t>(i));
      what.add(o.what);
      by.add(o.by);
      to.add(o.to);
      deadline.add_date(o.deadline);
      status.add(o.status);
    }
  return t;
}

Table plans(const Corpus& c, bool sv) {
  Table t(sv);
  auto& id = t.column("plan_id", Kind::text);
  auto& title = t.column("title", Kind::text);
  auto& start = t.column("start", Kind::date);
  auto& end = t.column("end", Kind::date);
  auto& effective_end = t.column("effective_end", Kind::date);
  auto& level = t.vocabulary_column<ResponsibleLevel>("level");
  named_list<OrganisationId> owners(c, t, "owner");
  named_column<ActionPlanId> parent(c, t, "parent");
  named_column<AgreementId> agreement(c, t, "agreement");
  auto& goals = t.column("goals", Kind::integer);
  auto& activities = t.column("activities", Kind::integer);
  auto& funding = t.column("funding_lines", Kind::integer);
  for (const auto& [key, p] : c.plans()) {
    id.add(p.id);
    title.add(p.title);
    start.add_date(p.period.start);
    end.add_date(p.period.end);
    effective_end.add_date(p.effective_period().end);
    level.add(p.level);
    owners.add(p.owners);
    parent.add(p.parent);
    agreement.add(p.agreement);
    goals.add_int(static_cast<std::int64_t>(p.goals.size()));
    activities.add_int(static_cast<std::int64_t>(p.activities.size()));
    funding.add_int(static_cast<std::int64_t>(p.funding.size()));
  }
  return t;
}

Table goals(const Corpus& c, bool sv) {
  Table t(sv);
  auto& id = t.column("goal_id", Kind::text);
  named_column<ActionPlanId> plan(c, t, "plan");
  auto& number = t.column("number", Kind::text);
  auto& title = t.column("title", Kind::text);
  named_column<GoalId> parent(c, t, "parent");
  named_list<IndicatorId> indicators(c, t, "indicator");
  for (const auto& [key, p] : c.plans())
    for (const auto& g : p.goals) {
      id.add(g.id);
      plan.add(p.id);
      number.add(g.number);
      title.add(g.title);
      parent.add(g.parent);
      indicators.add(g.indicators);
    }
  return t;
}

Table activities(const Corpus& c, bool sv) {
  Table t(sv);
  auto& id = t.column("activity_id", Kind::text);
  named_column<ActionPlanId> plan(c, t, "plan");
  auto& number = t.column("number", Kind::text);
  auto& title = t.column("title", Kind::text);
  auto& level = t.vocabulary_column<ResponsibleLevel>("level");
  named_list<GoalId> goals(c, t, "goal");
  named_list<OrganisationId> responsible(c, t, "responsible");
  auto& start = t.column("start", Kind::date);
  auto& end = t.column("end", Kind::date);
  for (const auto& [key, p] : c.plans())
    for (const auto& a : p.activities) {
      id.add(a.id);
      plan.add(p.id);
      number.add(a.number);
      title.add(a.title);
      level.add(a.level);
      goals.add(a.goals);
      responsible.add(a.responsible);
      start.add_date(a.period.start);
      end.add_date(a.period.end);
    }
  return t;
}

Table funding_lines(const Corpus& c, bool sv) {
  Table t(sv);
  auto& id = t.column("funding_line_id", Kind::text);
  named_column<ActionPlanId> plan(c, t, "plan");
  MoneyColumns amount(t, "amount", false);
  auto& approximate = t.column("approximate", Kind::boolean);
  named_column<ActivityId> activity(c, t, "activity");
  named_column<GoalId> goal(c, t, "goal");
  named_column<FundingPotId> pot(c, t, "pot");
  auto& year = t.column("year", Kind::nullable_integer);
  auto& budget = t.vocabulary_column<BudgetKind>("budget");
  auto& linked = t.column("is_linked", Kind::boolean);
  auto& text = t.column("text", Kind::text);
  for (const auto& [key, p] : c.plans())
    for (const auto& f : p.funding) {
      id.add(f.id);
      plan.add(p.id);
      amount.add(f.amount);
      approximate.add_bool(f.amount.approximate());
      activity.add(f.activity);
      goal.add(f.goal);
      pot.add(f.pot);
      year.add_int(f.year ? std::optional<std::int64_t>(*f.year) : std::nullopt);
      budget.add(f.budget);
      linked.add_bool(f.is_linked());
      text.add(f.text);
    }
  return t;
}

Table indicators(const Corpus& c, bool sv) {
  Table t(sv);
  auto& id = t.column("indicator_id", Kind::text);
  auto& name = t.column("name", Kind::text);
  auto& area = t.column("area", Kind::category);
  auto& serves = t.column("serves", Kind::text);
  auto& unit = t.column("unit", Kind::category);
  auto& direction = t.vocabulary_column<Direction>("direction");
  auto& targets = t.column("targets", Kind::integer);
  auto& observations = t.column("observations", Kind::integer);
  for (const auto& [key, i] : c.indicators()) {
    id.add(i.id);
    name.add(i.name);
    area.add(i.area);
    serves.add(i.serves);
    unit.add(i.unit);
    direction.add(i.direction);
    targets.add_int(static_cast<std::int64_t>(i.targets.size()));
    observations.add_int(static_cast<std::int64_t>(i.observations.size()));
  }
  return t;
}

Table observations(const Corpus& c, bool sv) {
  Table t(sv);
  named_column<IndicatorId> indicator(c, t, "indicator");
  named_column<OrganisationId> organisation(c, t, "organisation");
  auto& national = t.column("is_national", Kind::boolean);
  auto& start = t.column("start", Kind::date);
  auto& end = t.column("end", Kind::date);
  auto& value = t.column("value", Kind::real);
  auto& note = t.column("note", Kind::text);
  for (const auto& [key, i] : c.indicators())
    for (const auto& o : i.observations) {
      indicator.add(i.id);
      organisation.add(o.organisation);
      national.add_bool(o.is_national());
      start.add_date(o.period.start);
      end.add_date(o.period.end);
      value.add_real(o.value);
      note.add(o.note);
    }
  return t;
}

Table funding_pots(const Corpus& c, bool sv) {
  Table t(sv);
  auto& id = t.column("funding_pot_id", Kind::text);
  auto& name = t.column("name", Kind::text);
  MoneyColumns amount(t, "amount", false);
  auto& approximate = t.column("approximate", Kind::boolean);
  named_column<AgreementId> agreement(c, t, "agreement");
  auto& block = t.column("block", Kind::text);
  auto& year = t.column("year", Kind::nullable_integer);
  auto& start = t.column("start", Kind::date);
  auto& end = t.column("end", Kind::date);
  named_column<FundingPotId> parent(c, t, "parent");
  for (const auto& [key, p] : c.funding_pots()) {
    id.add(p.id);
    name.add(p.name);
    amount.add(p.amount);
    approximate.add_bool(p.amount.approximate());
    agreement.add(p.agreement);
    block.add(p.block);
    year.add_int(p.year ? std::optional<std::int64_t>(*p.year) : std::nullopt);
    start.add_date(p.period.start);
    end.add_date(p.period.end);
    parent.add(p.parent);
  }
  return t;
}

using builder = Table (*)(const Corpus&, bool swedish);

const std::vector<std::pair<std::string, builder>>& builders() {
  static const std::vector<std::pair<std::string, builder>> all{
      {"meetings", &meetings},         {"attendance", &attendance},
      {"agenda_items", &agenda_items}, {"decisions", &decisions},
      {"escalations", &escalations},   {"amounts", &amounts},
      {"item_dates", &item_dates},     {"attachments", &attachments},
      {"item_texts", &item_texts},
      {"action_items", &action_items}, {"organisations", &organisations},
      {"people", &people},             {"memberships", &memberships},
      {"agreements", &agreements},     {"payments", &payments},
      {"obligations", &obligations},   {"plans", &plans},
      {"goals", &goals},               {"activities", &activities},
      {"funding_lines", &funding_lines}, {"funding_pots", &funding_pots},
      {"indicators", &indicators},     {"observations", &observations},
  };
  return all;
}

builder find_builder(const std::string& table) {
  for (const auto& [name, build] : builders())
    if (name == table) return build;
  std::string known;
  for (const auto& entry : builders()) known += (known.empty() ? "" : ", ") + entry.first;
  throw value_error("unknown table '" + table + "'; expected one of: " + known);
}

}  // namespace

const std::vector<std::string>& frame_names() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> out;
    for (const auto& entry : builders()) out.push_back(entry.first);
    return out;
  }();
  return names;
}

bool swedish_labels(const std::string& language) {
  if (language == "en") return false;
  if (language == "sv") return true;
  throw value_error("unknown language '" + language + "'; expected 'en' (English category names) or 'sv' (Swedish)");
}

py::object make_frame(const Corpus& corpus, const std::string& table, const std::string& language) {
  const builder build = find_builder(table);
  const bool swedish = swedish_labels(language);
  python_modules modules;
  const Table built = reading_released(corpus, [&] { return build(corpus, swedish); });
  return to_data_frame(built, modules);
}

py::object LazyFrames::get(const std::string& name) {
  if (const auto it = built.find(name); it != built.end()) return it->second;
  py::object frame = make_frame(corpus.cast<const Corpus&>(), name, language);
  built.emplace(name, frame);
  return frame;
}

bool LazyFrames::known(const std::string& name) {
  const auto& names = frame_names();
  return std::find(names.begin(), names.end(), name) != names.end();
}

LazyFrames make_frames(const Corpus& corpus, const std::string& language) {
  swedish_labels(language);  // refused now, not at the first table
  // The corpus's own Python object (pybind11 finds the existing wrapper), so
  // the frames keep it alive.
  return LazyFrames{py::cast(&corpus, py::return_value_policy::reference), language, {}};
}

void bind_frames(py::module_& m) {
  py::class_<LazyFrames> frames(
      m, "Frames",
      "The tables of a corpus by name (a read-only mapping, keys in FRAME_NAMES order), as\n"
      "Corpus.to_frames() returns it. Each DataFrame is built the first time it is asked\n"
      "for, from the corpus as it is then, and kept: asking for one table builds only that\n"
      "one. Take the frames again after changing the corpus.");
  frames
      .def(
          "__getitem__",
          [](LazyFrames& self, const std::string& name) {
            if (!LazyFrames::known(name)) throw py::key_error(name);
            return self.get(name);
          },
          py::arg("name"), "The table as a pandas DataFrame; KeyError for an unknown name.")
      .def(
          "get",
          [](LazyFrames& self, const std::string& name, const py::object& fallback) {
            return LazyFrames::known(name) ? self.get(name) : fallback;
          },
          py::arg("name"), py::arg("default") = py::none(), "The table, or default for an unknown name.")
      .def(
          "__contains__",
          [](const LazyFrames&, const py::object& name) {
            return py::isinstance<py::str>(name) && LazyFrames::known(name.cast<std::string>());
          },
          py::arg("name"), "Whether a table has this name.")
      .def("__len__", [](const LazyFrames&) { return frame_names().size(); }, "Number of tables.")
      .def(
          "__iter__", [](const LazyFrames&) { return py::iter(py::cast(frame_names())); },
          "The table names, in FRAME_NAMES order.")
      .def("keys", [](const LazyFrames&) { return frame_names(); }, "The table names, in FRAME_NAMES order.")
      .def(
          "values",
          [](LazyFrames& self) {
            py::list out;
            for (const auto& name : frame_names()) out.append(self.get(name));
            return out;
          },
          "Every table (building those not built yet), in FRAME_NAMES order.")
      .def(
          "items",
          [](LazyFrames& self) {
            py::list out;
            for (const auto& name : frame_names()) out.append(py::make_tuple(name, self.get(name)));
            return out;
          },
          "(name, table) for every table (building those not built yet), in FRAME_NAMES order.")
      .def(
          "built", [](const LazyFrames& self) {
            std::vector<std::string> out;
            for (const auto& name : frame_names())
              if (self.built.count(name)) out.push_back(name);
            return out;
          },
          "Names of the tables built so far.")
      .def_property_readonly(
          "language", [](const LazyFrames& self) { return self.language; },
          "'en' or 'sv': the language of the category labels.")
      .def("__repr__", [](const LazyFrames& self) {
        return "Frames(" + std::to_string(frame_names().size()) + " tables, " + std::to_string(self.built.size()) +
               " built" + (self.language == "en" ? "" : ", language='" + self.language + "'") + ")";
      }, "Frames(23 tables, 2 built).");
  py::module_::import("collections.abc").attr("Mapping").attr("register")(frames);
}

}  // namespace samverkan_py
