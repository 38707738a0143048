// Tables for analysis. Each table is first built column by column into plain
// C++ vectors with the GIL released and the corpus locked for reading, then
// each column becomes one NumPy array (or pandas extension array) and the
// table one pandas.DataFrame: Python is called per column and per distinct
// value, not per record (text cells are codes into a pool of distinct values).
//
// Column conventions (documented in README.md):
//   <table>_id      a table's own id, unique per row: str (object) column
//   other *_id      references: pandas Categorical from codes and one list of
//                   the ids that occur, so a million rows naming 7000 people
//                   hold 7000 str objects
//   text            object column; equal texts share one str object
//   dates           datetime64[ns], NaT when missing
//   money           <name>_ore int64 (Int64 when the amount may be missing) and
//                   <name>_kr object column of exact decimal.Decimal; never float
//   vocabularies    pandas Categorical with every value of the vocabulary as
//                   categories, in declaration order
//   repeated names  (body, person, indicator, currency) Categorical
//   lists           one str joined with "; "
#include "tables.hpp"

#include <pybind11/numpy.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <deque>
#include <functional>
#include <limits>

namespace samverkan_py {

namespace {

template <EntityKind K>
std::string id_text(const Id<K>& id) {
  return id.str();
}
template <vocabulary E>
std::string vocabulary_text(E value) {
  return std::string(to_string(value));
}

// An id column and the name column beside it: each distinct id is looked
// up in the corpus once, not once per row.
template <class IdT>
struct named_column {
  const Corpus& corpus;
  Column& ids;
  Column& names;
  std::vector<std::int32_t> name_code;  // by id code; -2 not looked up yet

  void add(const IdT& id) {
    ids.add(id);
    const auto code = static_cast<std::size_t>(ids.codes.back());
    if (code >= name_code.size()) name_code.resize(code + 1, -2);
    if (name_code[code] == -2) {
      const auto* record = corpus.find(id);
      name_code[code] = record ? names.pool.code(record->name) : -1;
    }
    names.codes.push_back(name_code[code]);
  }
};

// ---- the tables ----

Table meetings(const Corpus& c) {
  Table t;
  auto& id = t.column("meeting_id", Kind::text);
  named_column<OrganisationId> body{c, t.column("body_id", Kind::category), t.column("body", Kind::category), {}};
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

Table attendance(const Corpus& c) {
  Table t;
  auto& meeting = t.column("meeting_id", Kind::category);
  auto& date = t.column("date", Kind::date);
  named_column<PersonId> person{c, t.column("person_id", Kind::category), t.column("person", Kind::category), {}};
  auto& represents = t.column("represents_id", Kind::category);
  auto& status = t.vocabulary_column<AttendanceStatus>("status");
  auto& roles = t.column("roles", Kind::text);
  auto& coopted = t.column("coopted_for_items", Kind::text);
  auto& substitute = t.column("substitute_for_id", Kind::category);
  auto& party = t.column("party", Kind::category);
  auto& note = t.column("note", Kind::text);
  for (const auto& [key, m] : c.meetings())
    for (const auto& a : m.attendance) {
      meeting.add(m.id);
      date.add_date(m.date);
      person.add(a.person);
      represents.add(a.represents);
      status.add(a.status);
      roles.add(joined(a.roles, vocabulary_text<MeetingRole>));
      coopted.add(joined(a.coopted_for_items));
      substitute.add(a.substitute_for);
      party.add(a.party);
      note.add(a.note);
    }
  return t;
}

Table agenda_items(const Corpus& c) {
  Table t;
  auto& meeting = t.column("meeting_id", Kind::category);
  auto& date = t.column("date", Kind::date);
  auto& number = t.column("number", Kind::text);
  auto& order = t.column("order", Kind::integer);
  auto& title = t.column("title", Kind::text);
  auto& purposes = t.column("purposes", Kind::text);
  auto& presenters = t.column("presenter_ids", Kind::text);
  auto& case_number = t.column("case_number", Kind::text);
  auto& decisions = t.column("decisions", Kind::integer);
  for (const auto& [key, m] : c.meetings())
    for (const auto& item : m.items) {
      meeting.add(m.id);
      date.add_date(m.date);
      number.add(item.number);
      order.add_int(item.order);
      title.add(item.title);
      purposes.add(joined(item.purposes, vocabulary_text<ItemPurpose>));
      presenters.add(joined(item.presenters, id_text<EntityKind::person>));
      case_number.add(item.case_number);
      decisions.add_int(static_cast<std::int64_t>(item.decisions.size()));
    }
  return t;
}

Table decisions(const Corpus& c) {
  Table t;
  auto& id = t.column("decision_id", Kind::text);
  auto& meeting = t.column("meeting_id", Kind::category);
  auto& date = t.column("date", Kind::date);
  auto& item = t.column("item_number", Kind::text);
  auto& kind = t.vocabulary_column<DecisionKind>("kind");
  auto& procedural = t.column("procedural", Kind::boolean);
  auto& text = t.column("text", Kind::text);
  auto& proposal = t.column("proposal", Kind::text);
  auto& body = t.column("body_id", Kind::category);
  auto& references = t.column("references", Kind::text);
  for (const auto& [key, m] : c.meetings())
    for (const auto& it : m.items)
      for (const auto& d : it.decisions) {
        id.add(d.id);
        meeting.add(m.id);
        date.add_date(m.date);
        item.add(it.number);
        kind.add(d.kind);
        procedural.add_bool(d.procedural);
        text.add(d.text);
        proposal.add(d.proposal);
        body.add(d.body ? *d.body : m.body);
        references.add(joined(d.references, [](const EntityRef& r) { return r.id; }));
      }
  return t;
}

Table action_items(const Corpus& c) {
  Table t;
  auto& id = t.column("action_item_id", Kind::text);
  auto& what = t.column("what", Kind::text);
  auto& person = t.column("owner_person_id", Kind::category);
  auto& organisation = t.column("owner_organisation_id", Kind::category);
  auto& due = t.column("due", Kind::date);
  auto& status = t.vocabulary_column<ActionStatus>("status");
  auto& open = t.column("is_open", Kind::boolean);
  auto& meeting = t.column("meeting_id", Kind::category);
  auto& item = t.column("item_number", Kind::text);
  auto& decision = t.column("decision_id", Kind::category);
  for (const auto& [key, a] : c.action_items()) {
    id.add(a.id);
    what.add(a.what);
    person.add(a.owner_person);
    organisation.add(a.owner_organisation);
    due.add_date(a.due);
    status.add(a.status);
    open.add_bool(a.is_open());
    meeting.add(a.meeting);
    item.add(a.item_number);
    decision.add(a.decision);
  }
  return t;
}

Table organisations(const Corpus& c) {
  Table t;
  auto& id = t.column("organisation_id", Kind::text);
  auto& name = t.column("name", Kind::text);
  auto& number = t.column("organisation_number", Kind::text);
  auto& kind = t.vocabulary_column<OrganisationKind>("kind");
  auto& parent = t.column("parent_id", Kind::category);
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

Table people(const Corpus& c) {
  Table t;
  auto& id = t.column("person_id", Kind::text);
  auto& name = t.column("name", Kind::text);
  auto& title = t.column("title", Kind::text);
  auto& organisation = t.column("organisation_id", Kind::category);
  for (const auto& [key, p] : c.people()) {
    id.add(p.id);
    name.add(p.name);
    title.add(p.title);
    organisation.add(p.organisation);
  }
  return t;
}

Table memberships(const Corpus& c) {
  Table t;
  auto& id = t.column("membership_id", Kind::text);
  auto& person = t.column("person_id", Kind::category);
  auto& organisation = t.column("organisation_id", Kind::category);
  auto& role = t.vocabulary_column<MembershipRole>("role");
  auto& role_title = t.column("role_title", Kind::text);
  auto& start = t.column("start", Kind::date);
  auto& end = t.column("end", Kind::date);
  auto& behalf = t.column("on_behalf_of_id", Kind::category);
  auto& substitute = t.column("substitute_for_id", Kind::category);
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

Table agreements(const Corpus& c) {
  Table t;
  auto& id = t.column("agreement_id", Kind::text);
  auto& title = t.column("title", Kind::text);
  auto& short_name = t.column("short_name", Kind::text);
  auto& case_number = t.column("case_number", Kind::text);
  auto& start = t.column("start", Kind::date);
  auto& end = t.column("end", Kind::date);
  auto& effective_end = t.column("effective_end", Kind::date);
  MoneyColumns total(t, "total", true);
  auto& parties = t.column("party_ids", Kind::text);
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
    parties.add(joined(a.parties, [](const Party& p) { return p.organisation.str(); }));
    payments.add_int(static_cast<std::int64_t>(a.payments.size()));
  }
  return t;
}

Table payments(const Corpus& c) {
  Table t;
  auto& agreement = t.column("agreement_id", Kind::category);
  auto& index = t.column("index", Kind::integer);
  MoneyColumns amount(t, "amount", false);
  auto& approximate = t.column("approximate", Kind::boolean);
  auto& date = t.column("date", Kind::date);
  auto& block = t.column("block", Kind::text);
  auto& condition = t.column("condition", Kind::text);
  auto& payer = t.column("payer_id", Kind::category);
  auto& payee = t.column("payee_id", Kind::category);
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

Table obligations(const Corpus& c) {
  Table t;
  auto& agreement = t.column("agreement_id", Kind::category);
  auto& index = t.column("index", Kind::integer);
  auto& what = t.column("what", Kind::text);
  auto& by = t.column("by_id", Kind::category);
  auto& to = t.column("to_id", Kind::category);
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

Table plans(const Corpus& c) {
  Table t;
  auto& id = t.column("plan_id", Kind::text);
  auto& title = t.column("title", Kind::text);
  auto& start = t.column("start", Kind::date);
  auto& end = t.column("end", Kind::date);
  auto& effective_end = t.column("effective_end", Kind::date);
  auto& level = t.vocabulary_column<ResponsibleLevel>("level");
  auto& owners = t.column("owner_ids", Kind::text);
  auto& parent = t.column("parent_id", Kind::category);
  auto& agreement = t.column("agreement_id", Kind::category);
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
    owners.add(joined(p.owners, id_text<EntityKind::organisation>));
    parent.add(p.parent);
    agreement.add(p.agreement);
    goals.add_int(static_cast<std::int64_t>(p.goals.size()));
    activities.add_int(static_cast<std::int64_t>(p.activities.size()));
    funding.add_int(static_cast<std::int64_t>(p.funding.size()));
  }
  return t;
}

Table goals(const Corpus& c) {
  Table t;
  auto& id = t.column("goal_id", Kind::text);
  auto& plan = t.column("plan_id", Kind::category);
  auto& number = t.column("number", Kind::text);
  auto& title = t.column("title", Kind::text);
  auto& parent = t.column("parent_id", Kind::category);
  auto& indicators = t.column("indicator_ids", Kind::text);
  for (const auto& [key, p] : c.plans())
    for (const auto& g : p.goals) {
      id.add(g.id);
      plan.add(p.id);
      number.add(g.number);
      title.add(g.title);
      parent.add(g.parent);
      indicators.add(joined(g.indicators, id_text<EntityKind::indicator>));
    }
  return t;
}

Table activities(const Corpus& c) {
  Table t;
  auto& id = t.column("activity_id", Kind::text);
  auto& plan = t.column("plan_id", Kind::category);
  auto& number = t.column("number", Kind::text);
  auto& title = t.column("title", Kind::text);
  auto& level = t.vocabulary_column<ResponsibleLevel>("level");
  auto& goals = t.column("goal_ids", Kind::text);
  auto& responsible = t.column("responsible_ids", Kind::text);
  auto& start = t.column("start", Kind::date);
  auto& end = t.column("end", Kind::date);
  for (const auto& [key, p] : c.plans())
    for (const auto& a : p.activities) {
      id.add(a.id);
      plan.add(p.id);
      number.add(a.number);
      title.add(a.title);
      level.add(a.level);
      goals.add(joined(a.goals, id_text<EntityKind::goal>));
      responsible.add(joined(a.responsible, id_text<EntityKind::organisation>));
      start.add_date(a.period.start);
      end.add_date(a.period.end);
    }
  return t;
}

Table funding_lines(const Corpus& c) {
  Table t;
  auto& id = t.column("funding_line_id", Kind::text);
  auto& plan = t.column("plan_id", Kind::category);
  MoneyColumns amount(t, "amount", false);
  auto& activity = t.column("activity_id", Kind::category);
  auto& goal = t.column("goal_id", Kind::category);
  auto& pot = t.column("pot_id", Kind::category);
  auto& year = t.column("year", Kind::nullable_integer);
  auto& budget = t.vocabulary_column<BudgetKind>("budget");
  auto& linked = t.column("is_linked", Kind::boolean);
  auto& text = t.column("text", Kind::text);
  for (const auto& [key, p] : c.plans())
    for (const auto& f : p.funding) {
      id.add(f.id);
      plan.add(p.id);
      amount.add(f.amount);
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

Table indicators(const Corpus& c) {
  Table t;
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

Table observations(const Corpus& c) {
  Table t;
  auto& indicator_id = t.column("indicator_id", Kind::category);
  auto& indicator = t.column("indicator", Kind::category);
  auto& organisation = t.column("organisation_id", Kind::category);
  auto& national = t.column("is_national", Kind::boolean);
  auto& start = t.column("start", Kind::date);
  auto& end = t.column("end", Kind::date);
  auto& value = t.column("value", Kind::real);
  auto& note = t.column("note", Kind::text);
  for (const auto& [key, i] : c.indicators())
    for (const auto& o : i.observations) {
      indicator_id.add(i.id);
      indicator.add(i.name);
      organisation.add(o.organisation);
      national.add_bool(o.is_national());
      start.add_date(o.period.start);
      end.add_date(o.period.end);
      value.add_real(o.value);
      note.add(o.note);
    }
  return t;
}

Table funding_pots(const Corpus& c) {
  Table t;
  auto& id = t.column("funding_pot_id", Kind::text);
  auto& name = t.column("name", Kind::text);
  MoneyColumns amount(t, "amount", false);
  auto& agreement = t.column("agreement_id", Kind::category);
  auto& block = t.column("block", Kind::text);
  auto& year = t.column("year", Kind::nullable_integer);
  auto& start = t.column("start", Kind::date);
  auto& end = t.column("end", Kind::date);
  auto& parent = t.column("parent_id", Kind::category);
  for (const auto& [key, p] : c.funding_pots()) {
    id.add(p.id);
    name.add(p.name);
    amount.add(p.amount);
    agreement.add(p.agreement);
    block.add(p.block);
    year.add_int(p.year ? std::optional<std::int64_t>(*p.year) : std::nullopt);
    start.add_date(p.period.start);
    end.add_date(p.period.end);
    parent.add(p.parent);
  }
  return t;
}

using builder = Table (*)(const Corpus&);

const std::vector<std::pair<std::string, builder>>& builders() {
  static const std::vector<std::pair<std::string, builder>> all{
      {"meetings", &meetings},         {"attendance", &attendance},
      {"agenda_items", &agenda_items}, {"decisions", &decisions},
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

py::object make_frame(const Corpus& corpus, const std::string& table) {
  const builder build = find_builder(table);
  python_modules modules;
  const Table built = reading_released(corpus, [&] { return build(corpus); });
  return to_data_frame(built, modules);
}

py::object LazyFrames::get(const std::string& name) {
  if (const auto it = built.find(name); it != built.end()) return it->second;
  py::object frame = make_frame(corpus.cast<const Corpus&>(), name);
  built.emplace(name, frame);
  return frame;
}

bool LazyFrames::known(const std::string& name) {
  const auto& names = frame_names();
  return std::find(names.begin(), names.end(), name) != names.end();
}

LazyFrames make_frames(const Corpus& corpus) {
  // The corpus's own Python object (pybind11 finds the existing wrapper), so
  // the frames keep it alive.
  return LazyFrames{py::cast(&corpus, py::return_value_policy::reference), {}};
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
      .def("__repr__", [](const LazyFrames& self) {
        return "Frames(" + std::to_string(frame_names().size()) + " tables, " + std::to_string(self.built.size()) +
               " built)";
      }, "Frames(18 tables, 2 built).");
  py::module_::import("collections.abc").attr("Mapping").attr("register")(frames);
}

}  // namespace samverkan_py
