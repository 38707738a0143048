// The allocation engine of samverkan/allocate/: exact percentages and splits,
// funding rules, programmes of pots, their results as pandas tables with an
// explanation per recipient, and the ready-made 2019 queue-billion programme.
// samverkan/allocation.py re-exports all of it under shorter names; the
// 2019 programme's names carry a Koemiljard2019 / koemiljard2019_ prefix here
// because _core is one flat namespace shared with the rest of the model.
//
// Money stays Money (int öre) throughout; percentages are Percent (whole
// hundredths of a point), because a float would put a region on the wrong
// side of a step boundary.
#include "tables.hpp"

#include <samverkan/allocate/koemiljard2019.hpp>
#include <samverkan/allocate/split.hpp>
#include <samverkan/core/text.hpp>

#include <pybind11/functional.h>
#include <pybind11/numpy.h>
#include <pybind11/stl/filesystem.h>

#include <chrono>
#include <deque>
#include <limits>

namespace samverkan_py {

void bind_allocation(py::module_& m);

namespace {

namespace al = samverkan::allocate;
namespace k19 = samverkan::allocate::koemiljard2019;

// ---------------------------------------------------------------------------
// Enums that are parameters rather than vocabularies: no Swedish terms, but
// the same reading from str as the model's enums, so that keyword arguments
// such as failed="redistributed" work.
// ---------------------------------------------------------------------------

template <class E>
struct choice {
  const char* name;
  E value;
  const char* doc;
};

template <class E>
py::enum_<E> bind_choice(py::module_& m, const char* name, const char* doc, std::vector<choice<E>> choices) {
  py::enum_<E> e(m, name, doc);
  for (const auto& c : choices) e.value(c.name, c.value, c.doc);
  auto read = [choices, type = std::string(name)](std::string_view text) {
    const std::string folded = fold(text);
    std::string known;
    for (const auto& c : choices) {
      if (folded == c.name) return c.value;
      known += (known.empty() ? "" : ", ") + std::string(c.name);
    }
    throw parse_error("'" + std::string(text) + "' is not a " + type + "; expected one of: " + known);
  };
  e.def(py::init(read), py::arg("text"), "Reads the value from its name, ignoring case.");
  e.def_static("from_string", read, py::arg("text"),
               "Reads the value from its name, ignoring case; raises ParseError naming the accepted values.");
  e.attr("__str__") = py::cpp_function(
      [choices](E value) {
        for (const auto& c : choices)
          if (c.value == value) return std::string(c.name);
        return std::string();
      },
      py::name("__str__"), py::is_method(e), "The name.");
  py::implicitly_convertible<py::str, E>();
  return e;
}

// ---------------------------------------------------------------------------
// Percent from Python: str and Decimal are read exactly, int is whole points;
// float is refused here (Percent.from_float rounds explicitly) because its
// binary value is rarely the figure meant.
// ---------------------------------------------------------------------------

al::Percent percent_from(const py::object& value) {
  if (py::isinstance<al::Percent>(value)) return value.cast<al::Percent>();
  if (py::isinstance<py::bool_>(value) || py::isinstance<py::float_>(value))
    throw py::type_error("a Percent is made from a str, an int (whole points) or a decimal.Decimal, not " +
                         std::string(py::str(value.get_type().attr("__name__"))) +
                         "; Percent.from_float rounds a float explicitly");
  if (py::isinstance<py::int_>(value)) {
    std::int64_t points = 0;
    try {
      points = value.cast<std::int64_t>();
    } catch (const py::cast_error&) {
      throw overflow_error("percentage beyond range: " + std::string(py::str(value)));
    }
    return al::Percent::points(points);
  }
  if (py::isinstance<py::str>(value)) return al::Percent::parse(value.cast<std::string>());
  const py::object decimal = py::module_::import("decimal").attr("Decimal");
  if (py::isinstance(value, decimal)) {
    // Fixed-point text, so that Decimal("6.53E+1") reads as 65.3.
    return al::Percent::parse(py::str(py::module_::import("builtins").attr("format")(value, "f")).cast<std::string>());
  }
  throw py::type_error("a Percent is made from a str, an int (whole points) or a decimal.Decimal, not " +
                       std::string(py::str(value.get_type().attr("__name__"))));
}

py::object percent_decimal(const al::Percent& p) {
  return py::module_::import("decimal").attr("Decimal")(p.hundredths()).attr("scaleb")(-2);
}

// ---------------------------------------------------------------------------
// Tables (tables.hpp), with the conventions of corpus.to_frames(): ids as
// str columns named *_id, names beside them as <x>_name categoricals, dates datetime64[ns] with
// NaT, money as <name>_ore int64 + <name>_kr float64 + <name>_kr_exact Decimal
// + <name>_currency,
// lists joined with "; ". Columns are filled in C++ without the GIL, then
// each becomes one NumPy array.
// ---------------------------------------------------------------------------

std::optional<std::string> unless_empty(const std::string& text) {
  return text.empty() ? std::nullopt : std::optional<std::string>(text);
}

// Results are plain values that other Python threads may change while a call
// runs without the GIL (result.pots = []). A call that releases the GIL
// therefore works on its own copy, taken while it holds the GIL.

// Builds the columns from `own` (a copy private to the call) without the GIL,
// then the frame with it.
template <class T, class Build>
py::object frame_from_copy(const T& own, Build build) {
  std::optional<Table> table;
  {
    py::gil_scoped_release release;
    table = build(own);
  }
  return to_data_frame(*table, python_modules{});
}

template <class T, class Build>
py::object frame_of(const T& value, Build build) {
  const T own = value;
  return frame_from_copy(own, build);
}

const std::string& recipient_name(const al::ProgrammeResult& r, const std::string& id) {
  for (const auto& [rid, name] : r.recipients)
    if (rid == id && !name.empty()) return name;
  return id;
}

Table shares_table(const al::ProgrammeResult& r) {
  Table t;
  auto& pot_id = t.column("pot_id", Kind::text);
  auto& pot = t.column("pot_name", Kind::category);
  auto& block = t.column("block", Kind::category);
  auto& start = t.column("start", Kind::date);
  auto& end = t.column("end", Kind::date);
  auto& recipient_id = t.column("recipient_id", Kind::text);
  auto& recipient = t.column("recipient_name", Kind::category);
  MoneyColumns amount(t, "amount");
  auto& step = t.column("step", Kind::nullable_integer);
  auto& via = t.column("via_alternative", Kind::boolean);
  auto& failed = t.column("failed_conditions", Kind::text);
  MoneyColumns withheld(t, "withheld");
  for (const auto& p : r.pots) {
    if (!p.is_leaf()) continue;
    for (const auto& s : p.shares) {
      pot_id.add(p.id);
      pot.add(p.name);
      block.add(unless_empty(p.block));
      start.add_date(p.period.start);
      end.add_date(p.period.end);
      recipient_id.add(s.recipient);
      recipient.add(recipient_name(r, s.recipient));
      amount.add(s.amount);
      step.add_int(s.step ? std::optional<std::int64_t>(static_cast<std::int64_t>(*s.step)) : std::nullopt);
      via.add_bool(s.via_alternative);
      failed.add(joined(s.failed_conditions));
      withheld.add(s.withheld);
    }
  }
  return t;
}

Table pots_table(const al::ProgrammeResult& r) {
  Table t;
  auto& pot_id = t.column("pot_id", Kind::text);
  auto& key = t.column("key", Kind::text);
  auto& name = t.column("name", Kind::text);
  auto& parent = t.column("parent_id", Kind::text);
  auto& leaf = t.column("leaf", Kind::boolean);
  auto& weight = t.column("weight", Kind::integer);
  auto& block = t.column("block", Kind::category);
  auto& start = t.column("start", Kind::date);
  auto& end = t.column("end", Kind::date);
  auto& purpose = t.column("purpose", Kind::text);
  auto& rule = t.column("rule", std::vector<std::string>{"equal_split", "weighted_split", "fixed_amounts",
                                                         "weighted_formula", "staircase"});
  auto& description = t.column("rule_description", Kind::text);
  auto& conditions = t.column("conditions", Kind::text);
  MoneyColumns amount(t, "amount");
  MoneyColumns paid(t, "paid");
  MoneyColumns undistributed(t, "undistributed");
  for (const auto& p : r.pots) {
    pot_id.add(p.id);
    key.add(p.key);
    name.add(p.name);
    parent.add(unless_empty(p.parent));
    leaf.add_bool(p.is_leaf());
    weight.add_int(static_cast<std::int64_t>(p.weight));
    block.add(unless_empty(p.block));
    start.add_date(p.period.start);
    end.add_date(p.period.end);
    purpose.add(unless_empty(p.purpose));
    rule.add(unless_empty(p.rule));
    description.add(unless_empty(p.rule_description));
    conditions.add(joined(p.conditions));
    amount.add(p.amount);
    paid.add(r.paid(p.id));
    undistributed.add(r.undistributed(p.id));
  }
  return t;
}

Table undistributed_table(const al::ProgrammeResult& r) {
  Table t;
  auto& pot_id = t.column("pot_id", Kind::text);
  auto& pot = t.column("pot_name", Kind::category);
  auto& block = t.column("block", Kind::category);
  auto& start = t.column("start", Kind::date);
  auto& end = t.column("end", Kind::date);
  MoneyColumns amount(t, "amount");
  auto& reason = t.column("reason", Kind::text);
  for (const auto& p : r.pots)
    for (const auto& l : p.leftovers) {
      pot_id.add(p.id);
      pot.add(p.name);
      block.add(unless_empty(p.block));
      start.add_date(p.period.start);
      end.add_date(p.period.end);
      amount.add(l.amount);
      reason.add(l.reason);
    }
  return t;
}

Table recipients_table(const al::ProgrammeResult& r) {
  Table t;
  auto& id = t.column("recipient_id", Kind::text);
  auto& name = t.column("recipient_name", Kind::category);
  MoneyColumns total(t, "total");
  for (const auto& [rid, rname] : r.recipients) {
    id.add(rid);
    name.add(rname.empty() ? rid : rname);
    total.add(r.total(rid));
  }
  return t;
}

Table regions_table(const k19::Result& r) {
  Table t;
  auto& id = t.column("region_id", Kind::text);
  auto& name = t.column("region_name", Kind::category);
  auto& population = t.column("population", Kind::integer);
  MoneyColumns visits(t, "block1_first_visits");
  MoneyColumns operations(t, "block1_operations");
  MoneyColumns block1(t, "block1");
  MoneyColumns block2(t, "block2");
  MoneyColumns total(t, "total");
  auto& failed = t.column("failed_conditions", Kind::text);
  for (const auto& region : r.regions) {
    id.add(region.id);
    name.add(region.name);
    population.add_int(region.population);
    visits.add(region.block1_groups[0]);
    operations.add(region.block1_groups[1]);
    block1.add(region.block1);
    block2.add(region.block2);
    total.add(region.total);
    failed.add(joined(region.failed_conditions));
  }
  return t;
}

constexpr std::array<k19::Group, 2> groups{k19::Group::first_visits, k19::Group::operations};

Table months_table(const k19::Result& r) {
  Table t;
  auto& id = t.column("region_id", Kind::text);
  auto& name = t.column("region_name", Kind::category);
  auto& group = t.column("group", std::vector<std::string>{"first_visits", "operations"});
  auto& month = t.column("month", Kind::date);
  auto& pot_id = t.column("pot_id", Kind::text);
  auto& step = t.column("step", Kind::nullable_integer);
  auto& via = t.column("via_alternative", Kind::boolean);
  MoneyColumns amount(t, "amount");
  for (const auto& region : r.regions)
    for (std::size_t g = 0; g < groups.size(); ++g)
      for (std::size_t i = 0; i < k19::months.size(); ++i) {
        const std::string pot = k19::pot_id(groups[g], k19::months[i]);
        const al::PotResult* leaf = r.allocation.find_pot(pot);
        const al::Share* share = leaf ? leaf->share_of(region.id) : nullptr;
        id.add(region.id);
        name.add(region.name);
        group.add(std::string(k19::group_key(groups[g])));
        month.add_date(make_date(2019, k19::months[i], 1));
        pot_id.add(pot);
        step.add_int(share && share->step ? std::optional<std::int64_t>(static_cast<std::int64_t>(*share->step))
                                          : std::nullopt);
        via.add_bool(share && share->via_alternative);
        amount.add(region.block1_months[g][i]);
      }
  return t;
}

// `own` is a copy private to the call.
py::dict allocation_frames_from_copy(const al::ProgrammeResult& own) {
  py::dict frames;
  frames["shares"] = frame_from_copy(own, shares_table);
  frames["pots"] = frame_from_copy(own, pots_table);
  frames["undistributed"] = frame_from_copy(own, undistributed_table);
  frames["recipients"] = frame_from_copy(own, recipients_table);
  return frames;
}

py::dict allocation_frames(const al::ProgrammeResult& r) {
  const al::ProgrammeResult own = r;
  return allocation_frames_from_copy(own);
}

// ---------------------------------------------------------------------------
// Explanations
// ---------------------------------------------------------------------------

py::object json_loads(const std::string& text) { return py::module_::import("json").attr("loads")(text); }

// The recipient's part of ProgrammeResult::to_json: its entry in
// "recipients" and, per leaf pot, its share object with the pot's id and
// name added, so that the dict stands on its own.
py::dict explanation_dict(const al::ProgrammeResult& r, const std::string& recipient) {
  const std::vector<std::string> lines = r.explain(recipient);  // throws NotFoundError for a stranger
  const al::ProgrammeResult own = r;
  std::string text;
  {
    py::gil_scoped_release release;
    text = own.to_json(-1);
  }
  const py::dict whole = json_loads(text);
  py::dict out;
  for (const auto& entry : whole["recipients"])
    if (entry["id"].cast<std::string>() == recipient) {
      out["id"] = entry["id"];
      out["name"] = entry["name"];
      out["total"] = entry["total"];
    }
  py::list shares;
  for (const auto& pot : whole["pots"]) {
    const py::dict pot_dict = py::reinterpret_borrow<py::dict>(pot);
    if (!pot_dict.contains("shares")) continue;
    for (const auto& share : pot_dict["shares"])
      if (share["recipient"].cast<std::string>() == recipient) {
        py::dict s;
        s["pot"] = pot_dict["id"];
        s["pot_name"] = pot_dict["name"];
        for (const auto& item : py::reinterpret_borrow<py::dict>(share)) s[item.first] = item.second;
        shares.append(s);
      }
  }
  out["shares"] = shares;
  out["explanation"] = lines;
  return out;
}

std::string explanation_text(const al::ProgrammeResult& r, const std::string& recipient) {
  (void)r.explain(recipient);  // explanation_text() itself does not check the recipient
  return r.explanation_text(recipient);
}

// A region by any spelling find_region() accepts, or by its id.
const k19::Region& region_named(const std::string& name) {
  for (const auto& region : k19::regions())
    if (region.id == name) return region;
  if (const auto* region = k19::find_region(name)) return *region;
  throw not_found_error("unknown region '" + name + "'");
}

const std::string& region_in(const k19::Result& r, const std::string& name) {
  const k19::Region& region = region_named(name);
  for (const auto& rr : r.regions)
    if (rr.id == region.id) return rr.id;
  throw not_found_error(std::string(region.short_name) + " is not among the inputs of this run");
}

// ---------------------------------------------------------------------------
// Eligibility: its criteria hold functions, which cannot be pickled; an
// Eligibility without conditions (the usual case for a staircase pot) can.
// ---------------------------------------------------------------------------

py::tuple eligibility_state(const al::Eligibility& e) {
  if (!e.empty())
    throw py::type_error("an Eligibility with conditions cannot be pickled: a Criterion's test is a function");
  return py::make_tuple(e.failed);
}

// The C++ Parameters has no ==; comparing their field-by-field state, the
// same tuple pickling uses, gives one.
py::tuple parameters_state(const k19::Parameters& p) {
  return py::make_tuple(p.block1, p.block2, std::vector<std::uint64_t>(p.step_weights.begin(), p.step_weights.end()),
                        std::vector<al::Bound>(p.step_bounds.begin(), p.step_bounds.end()), p.membership, p.step_split,
                        p.roll_over, p.alternative, p.alternative_bound, p.alternative_only_without_improvement,
                        p.block2_failed, p.block2_conditional, p.response_rate, p.require_five_week_reporting,
                        p.status_report_deadline);
}

template <class T>
void def_json(py::class_<T>& cls, const char* what) {
  cls.def(
      "to_json",
      [](const T& self, int indent) {
        const T own = self;
        py::gil_scoped_release release;
        return own.to_json(indent);
      },
      py::arg("indent") = 2,
      (std::string("The ") + what + " as JSON text.\n\nArgs:\n    indent: spaces per level; below 0 writes one line.")
          .c_str());
  cls.def(
      "to_dict",
      [](const T& self) {
        const T own = self;
        std::string text;
        {
          py::gil_scoped_release release;
          text = own.to_json(-1);
        }
        return json_loads(text);
      },
      (std::string("The ") + what + " as to_json() gives it, parsed into dicts and lists; money is\n"
                                    "{\"ore\": int, \"currency\": str}.")
          .c_str());
}

}  // namespace

void bind_allocation(py::module_& m) {
  // ---- Percent, Bound ----

  py::class_<al::Percent> percent(
      m, "Percent",
      "A percentage, or a difference of percentages in points, exact to 0.01: never a float.\n\n"
      "    Percent(\"65,3\").hundredths == 6530\n"
      "    Percent(\"75.8\") - Percent(\"72.4\") == Percent(\"3.4\")\n"
      "    Percent(71) == Percent(\"71,00\")        # an int is whole points\n\n"
      "Wherever a Percent is expected a str or an int is accepted too.");
  percent
      .def(py::init(&percent_from), py::arg("value"),
           "Makes a percentage.\n\nArgs:\n    value: decimal text (\"65,3\", \"65.30 %\", \"-1.5\"; at most two decimals,\n"
           "        finer values raise ParseError rather than being rounded), a decimal.Decimal, or an int\n"
           "        of whole points. A float raises TypeError: use Percent.from_float.")
      .def_static("from_hundredths", &al::Percent::from_hundredths, py::arg("hundredths"),
                  "From whole hundredths of a point: from_hundredths(6530) is 65.3 %.\n\nArgs:\n"
                  "    hundredths: the value times 100.")
      .def_static("points", &al::Percent::points, py::arg("whole"),
                  "Whole percentage points: points(71) is 71 %.\n\nArgs:\n    whole: the number of points.")
      .def_static("parse", &al::Percent::parse, py::arg("text"),
                  "Reads decimal text exactly (\"65,3\", \"65.30\", \"65,3 %\"); raises ParseError for anything\n"
                  "else, including values finer than 0.01.\n\nArgs:\n    text: the text.")
      .def_static("from_float", &al::Percent::from_double, py::arg("percent"),
                  "From a float number of percent, rounded to the nearest 0.01 (halves away from zero, judged\n"
                  "on the float's exact binary value). Prefer text or Decimal where available.\n\nArgs:\n"
                  "    percent: the float.")
      .def_property_readonly("hundredths", &al::Percent::hundredths, "The value in hundredths of a point, an int.")
      .def_property_readonly("decimal", &percent_decimal, "The value as an exact decimal.Decimal (65.30).")
      .def("__str__", &al::Percent::str, "Shortest decimal form: \"65.3\", \"71\", \"-0.05\".")
      .def("__repr__", [](const al::Percent& p) { return "Percent('" + p.str() + "')"; }, "Percent('65.3').")
      .def("__hash__", [](const al::Percent& p) { return std::hash<std::int64_t>{}(p.hundredths()); },
           "Consistent with ==.")
      .def(py::self < py::self, "Smaller.")
      .def(py::self <= py::self, "Smaller or equal.")
      .def(py::self > py::self, "Larger.")
      .def(py::self >= py::self, "Larger or equal.")
      .def(py::self + py::self, "Sum; raises AmountOverflowError beyond range.")
      .def(py::self - py::self, "Difference in points; raises AmountOverflowError beyond range.")
      .def(-py::self, "Negated.")
      .def(py::pickle([](const al::Percent& p) { return py::make_tuple(p.hundredths()); },
                      [](const py::tuple& state) {
                        if (state.size() != 1) throw value_error("pickled state of the wrong size");
                        return al::Percent::from_hundredths(state[0].cast<std::int64_t>());
                      }));
  def_equality(percent, "Same value.");
  py::implicitly_convertible<py::str, al::Percent>();
  py::implicitly_convertible<py::int_, al::Percent>();

  py::class_<al::Bound> bound(m, "Bound",
                              "A line a value must reach: at least (>=) or more than (>) a percentage.\n\n"
                              "    Bound.at_least(3).admits(Percent(3)) is True\n"
                              "    Bound.more_than(5).admits(Percent(5)) is False");
  bound
      // First, so that ">=93" is read as a bound rather than tried as a Percent; together with the
      // implicit conversions below every parameter taking a Bound accepts the same string forms.
      .def(py::init([](std::string_view text) { return al::Bound::parse(text); }), py::arg("text"),
           "Reads \">=3\", \"≥ 3\", \">5\", \"> 5,5\" (a bare number means at least); raises ParseError.\n\n"
           "Args:\n    text: the text.")
      .def(py::init([](const al::Percent& value, bool inclusive) { return al::Bound{value, inclusive}; }),
           py::arg("value") = al::Percent{}, py::arg("inclusive") = true,
           "Makes a bound.\n\nArgs:\n    value: the Percent (or str, int) to reach.\n"
           "    inclusive: True for \"at least\" (>=), False for \"more than\" (>).")
      .def_readwrite("value", &al::Bound::value, "The Percent to reach.")
      .def_readwrite("inclusive", &al::Bound::inclusive, "True for \"at least\" (>=), False for \"more than\" (>).")
      .def_static("at_least", &al::Bound::at_least, py::arg("value"),
                  "value <= x.\n\nArgs:\n    value: the Percent (or str, int).")
      .def_static("more_than", &al::Bound::more_than, py::arg("value"),
                  "value < x.\n\nArgs:\n    value: the Percent (or str, int).")
      .def_static("parse", &al::Bound::parse, py::arg("text"),
                  "Reads \">=3\", \"≥ 3\", \">5\", \"> 5,5\" (a bare number means at least); raises ParseError.\n\n"
                  "Args:\n    text: the text.")
      .def("admits", &al::Bound::admits, py::arg("value"),
           "Whether the value reaches the bound.\n\nArgs:\n    value: the Percent (or str, int).")
      .def("__str__", &al::Bound::str, "\"≥ 3\", \"> 5\".")
      .def("__repr__", [](const al::Bound& b) { return "Bound('" + b.str() + "')"; }, "Bound('≥ 3').")
      .def(py::pickle([](const al::Bound& b) { return py::make_tuple(b.value, b.inclusive); },
                      [](const py::tuple& state) {
                        if (state.size() != 2) throw value_error("pickled state of the wrong size");
                        return al::Bound{state[0].cast<al::Percent>(), state[1].cast<bool>()};
                      }));
  def_equality(bound, "Same value and inclusiveness.");
  def_unhashable(bound);
  py::implicitly_convertible<py::str, al::Bound>();
  py::implicitly_convertible<py::int_, al::Bound>();

  // ---- split ----

  m.def(
      "split",
      [](const Money& pot, const std::vector<std::pair<std::string, std::uint64_t>>& parts) {
        std::vector<al::SplitPart> split_parts;
        for (const auto& [key, weight] : parts) split_parts.push_back({key, weight});
        return al::split(pot, split_parts);
      },
      py::arg("pot"), py::arg("parts"),
      "Splits an amount over weighted parts exactly (largest remainder): the amounts add up to the pot,\n"
      "to the öre. Leftover öre go to the largest remainders; ties to the larger weight, then the key in\n"
      "byte order. Raises DataError for a negative pot, no parts, a repeated key, or all weights 0.\n\n"
      "    split(Money.from_kronor(640_000_000), [(\"2019-09\", 1), (\"2019-10\", 1), (\"2019-11\", 1)])\n"
      "    # [21 333 333 334 öre, 21 333 333 333 öre, 21 333 333 333 öre]\n\n"
      "Args:\n    pot: the Money to split.\n    parts: (key, weight) pairs; weight a non-negative int.\n\n"
      "Returns:\n    one Money per part, in the order given.");
  m.def("split_equally", &al::split_equally, py::arg("pot"), py::arg("keys"),
        "Splits an amount equally over the keys; the öre that do not divide go to the first keys in\n"
        "byte order.\n\nArgs:\n    pot: the Money to split.\n    keys: the parts' keys, unique.\n\n"
        "Returns:\n    one Money per key, in the order given.");

  // ---- recipients and rules ----

  bind_choice<al::FailedShare>(
      m, "FailedShare", "What happens to the share of a recipient that fails a condition.",
      {{"retained", al::FailedShare::retained,
        "computed as if it qualified, then not paid: it stays undistributed"},
       {"redistributed", al::FailedShare::redistributed, "it is left out first, so the others share the whole pot"}});
  bind_choice<al::RollOver>(m, "RollOver", "What happens to the money of a staircase step nobody reached.",
                            {{"to_step_below", al::RollOver::to_step_below, "it moves to the step below"},
                             {"none", al::RollOver::none, "it stays undistributed"}});
  bind_choice<al::StepMembership>(
      m, "StepMembership", "Whether a recipient that reaches a step also shares the steps below it.",
      {{"cumulative", al::StepMembership::cumulative, "reaching step 3 means sharing steps 1, 2 and 3"},
       {"exclusive", al::StepMembership::exclusive, "only the highest step reached is shared"}});

  py::class_<al::Recipient> recipient_cls(
      m, "Recipient",
      "A recipient of money (a region, a municipality) and the facts rules read about it, each under\n"
      "a key the rules name.\n\n"
      "    Recipient(id=\"uppsala\", name=\"Region Uppsala\", numbers={\"population\": 383713},\n"
      "              percents={\"u90_2019\": \"71,4\"}, flags={\"reported\": True})");
  bind_fields(recipient_cls, "Recipient", {"id", "name"},
              field{"id", &al::Recipient::id, "unique within a run; appears in results and breaks rounding ties"},
              field{"name", &al::Recipient::name, "for people to read"},
              field{"numbers", &al::Recipient::numbers, "dict of int inputs (population, patients)"},
              field{"percents", &al::Recipient::percents, "dict of Percent inputs (str and int accepted)"},
              field{"flags", &al::Recipient::flags, "dict of yes/no inputs"},
              field{"dates", &al::Recipient::dates, "dict of datetime.date inputs; an absent key: not happened"});
  recipient_cls
      .def("label", [](const al::Recipient& r) { return r.label(); }, "The name, or the id when there is none.")
      .def("number", &al::Recipient::number, py::arg("key"),
           "The int under key; raises DataError naming the recipient and key when absent.\n\nArgs:\n    key: the input.")
      .def("percent", &al::Recipient::percent, py::arg("key"),
           "The Percent under key; raises DataError when absent.\n\nArgs:\n    key: the input.")
      .def("flag", &al::Recipient::flag, py::arg("key"),
           "The flag under key; raises DataError when absent.\n\nArgs:\n    key: the input.")
      .def("date", &al::Recipient::date, py::arg("key"),
           "The date under key, or None when the event has not happened.\n\nArgs:\n    key: the input.");

  py::class_<al::Criterion> criterion(
      m, "Criterion",
      "A condition a recipient must meet to be paid from a pot.\n\n"
      "    Criterion.percent_at_least(\"lowest_response_rate\", \"response rate\", Bound.at_least(95))\n\n"
      "Its test is a function, so a Criterion (and a Pot or Programme holding one) does not pickle.");
  criterion
      .def(py::init([](std::string name, std::string description,
                       std::function<std::optional<std::string>(const al::Recipient&)> test) {
             return al::Criterion{std::move(name), std::move(description), guarded(std::move(test))};
           }),
           py::arg("name"), py::arg("description"), py::arg("test"),
           "Makes a condition from a Python function.\n\nArgs:\n    name: short name for messages (\"response rate\").\n"
           "    description: the requirement in words.\n"
           "    test: called with a Recipient; returns None when it is met, else the reason (a str).\n"
           "        Calls nested through C++ (a test that runs a programme using it) raise\n"
           "        RecursionError beyond 100 levels.")
      .def_readwrite("name", &al::Criterion::name, "Short name for messages and results.")
      .def_readwrite("description", &al::Criterion::description, "The requirement in words.")
      .def("check", &al::Criterion::check, py::arg("recipient"),
           "None when the recipient meets the condition, else why not.\n\nArgs:\n    recipient: the Recipient.")
      .def_static("percent_at_least", &al::Criterion::percent_at_least, py::arg("key"), py::arg("name"),
                  py::arg("bound"),
                  "The percentage under key must reach bound.\n\nArgs:\n    key: the Percent input.\n"
                  "    name: short name for messages.\n    bound: the Bound to reach.")
      .def_static("flag_set", &al::Criterion::flag_set, py::arg("key"), py::arg("name"),
                  "The flag under key must be true.\n\nArgs:\n    key: the flag input.\n    name: short name for messages.")
      .def_static("on_or_before", &al::Criterion::on_or_before, py::arg("key"), py::arg("name"), py::arg("deadline"),
                  "The date under key must be present and on or before deadline.\n\nArgs:\n    key: the date input.\n"
                  "    name: short name for messages.\n    deadline: the last allowed datetime.date.")
      .def("__repr__", [](const al::Criterion& c) { return "Criterion(name='" + c.name + "')"; },
           "The type and name.");

  py::class_<al::Eligibility> eligibility(m, "Eligibility",
                                          "The conditions of a pot and what happens to the share of a recipient that\n"
                                          "fails one. Pickles only without conditions (theirs are functions).");
  eligibility
      .def(py::init([](std::vector<al::Criterion> conditions, al::FailedShare failed) {
             return al::Eligibility{std::move(conditions), failed};
           }),
           py::arg("conditions") = std::vector<al::Criterion>{}, py::arg("failed") = al::FailedShare::retained,
           "Makes the conditions of a pot.\n\nArgs:\n    conditions: list of Criterion.\n"
           "    failed: a FailedShare (or its name) for the share of a recipient that fails one.")
      .def_readwrite("conditions", &al::Eligibility::conditions, "The Criterion list (a copy).")
      .def_readwrite("failed", &al::Eligibility::failed, "The FailedShare.")
      .def("empty", &al::Eligibility::empty, "True when there are no conditions.")
      .def("__repr__",
           [](const al::Eligibility& e) {
             return "Eligibility(conditions=" + std::to_string(e.conditions.size()) + ", failed=" +
                    (e.failed == al::FailedShare::retained ? "retained" : "redistributed") + ")";
           },
           "The number of conditions and the FailedShare.")
      .def(py::pickle(&eligibility_state, [](const py::tuple& state) {
        if (state.size() != 1) throw value_error("pickled state of the wrong size");
        return al::Eligibility{{}, state[0].cast<al::FailedShare>()};
      }));

  py::class_<al::EqualSplit> equal(m, "EqualSplit",
                                   "Rule: everyone gets the same; öre that do not divide go to the first ids.");
  equal.def(py::init<>(), "Makes the rule; it has no parameters.")
      .def("__repr__", [](const al::EqualSplit&) { return std::string("EqualSplit()"); }, "EqualSplit().")
      .def(py::pickle([](const al::EqualSplit&) { return py::tuple(); },
                      [](const py::tuple&) { return al::EqualSplit{}; }));
  def_equality(equal, "All equal splits are equal.");
  def_unhashable(equal);

  py::class_<al::WeightedSplit> weighted(
      m, "WeightedSplit", "Rule: in proportion to a number every recipient has, usually its population.");
  bind_fields(weighted, "WeightedSplit", {"key", "label"},
              field{"key", &al::WeightedSplit::key, "the number input weighting the split"},
              field{"label", &al::WeightedSplit::label, "word for the weight in explanations"});

  py::class_<al::FixedAmounts> fixed(m, "FixedAmounts",
                                     "Rule: named amounts per recipient id; others get nothing. What the amounts\n"
                                     "leave of the pot stays undistributed; amounts beyond the pot are an error.");
  bind_fields(fixed, "FixedAmounts", {"amounts"},
              field{"amounts", &al::FixedAmounts::amounts, "dict of recipient id to Money"});

  py::class_<al::WeightedFormula> formula(
      m, "WeightedFormula",
      "Rule: in proportion to a weight computed from each recipient's inputs (a non-negative int).\n\n"
      "    WeightedFormula.linear([(\"population\", 1), (\"waiting\", 10)], [])\n\n"
      "Its weight is a function, so it does not pickle.");
  formula
      .def(py::init([](std::string description, std::function<std::uint64_t(const al::Recipient&)> weight) {
             return al::WeightedFormula{std::move(description), guarded(std::move(weight))};
           }),
           py::arg("description"), py::arg("weight"),
           "Makes the rule from a Python function.\n\nArgs:\n    description: the formula in words.\n"
           "    weight: called with a Recipient, returns its weight (an int >= 0). Calls nested\n"
           "        through C++ raise RecursionError beyond 100 levels.")
      .def_static("linear", &al::WeightedFormula::linear, py::arg("number_terms"), py::arg("percent_terms"),
                  "Sum of coefficient x number plus coefficient x percent in hundredths.\n\nArgs:\n"
                  "    number_terms: (number key, int coefficient) pairs.\n"
                  "    percent_terms: (percent key, int coefficient) pairs; a percent enters as hundredths.")
      .def_readwrite("description", &al::WeightedFormula::description, "The formula in words.")
      .def("weight", [](const al::WeightedFormula& f, const al::Recipient& r) { return f.weight(r); },
           py::arg("recipient"), "The weight of one recipient.\n\nArgs:\n    recipient: the Recipient.")
      .def("__repr__", [](const al::WeightedFormula& f) { return "WeightedFormula('" + f.description + "')"; },
           "The type and description.");

  py::class_<al::Measure> measure(m, "Measure",
                                  "What a staircase ranks recipients by: a percentage input, or (with baseline_key)\n"
                                  "its change in points against another.");
  bind_fields(measure, "Measure", {"key", "baseline_key", "label"},
              field{"key", &al::Measure::key, "the Percent input read (this year's share)"},
              field{"baseline_key", &al::Measure::baseline_key,
                    "when set, the measure is percent(key) - percent(baseline_key)"},
              field{"label", &al::Measure::label, "what the measure is, in words"});
  measure.def("of", &al::Measure::of, py::arg("recipient"),
              "The measure for one recipient; raises DataError when an input is missing.\n\nArgs:\n"
              "    recipient: the Recipient.");

  py::class_<al::Step> step(m, "Step", "One step of a staircase: its weight among the steps and the bound to reach.");
  bind_fields(step, "Step", {"name", "weight", "bound"},
              field{"name", &al::Step::name, "unique within the staircase; names it in explanations"},
              field{"weight", &al::Step::weight, "its part of the pot relative to the other steps (70, 20, 10)"},
              field{"bound", &al::Step::bound, "the Bound on the measure that reaches it"});

  py::class_<al::Alternative> alternative_cls(
      m, "Alternative",
      "A second way into a step without reaching its bound (the 2019 queue billion's 71 % rule); a\n"
      "recipient qualifying both ways is counted once, at the higher step.");
  bind_fields(alternative_cls, "Alternative", {"key", "bound", "step"},
              field{"key", &al::Alternative::key, "the Percent input it reads"},
              field{"label", &al::Alternative::label, "what that input is, in words"},
              field{"bound", &al::Alternative::bound, "the Bound it must reach"},
              field{"step", &al::Alternative::step, "index of the step it opens (0 = lowest)"},
              field{"only_without_improvement", &al::Alternative::only_without_improvement,
                    "the strict reading, not for a recipient whose measure is above 0"});

  py::class_<al::MemberSplit> member_split(m, "MemberSplit",
                                           "How a step's money is shared among its recipients: equally, or by a number.");
  bind_fields(member_split, "MemberSplit", {"weight_key", "label"},
              field{"weight_key", &al::MemberSplit::weight_key, "empty for equal, else the number input weighting it"},
              field{"label", &al::MemberSplit::label, "word for the weight in explanations"});
  member_split
      .def_static("equal", &al::MemberSplit::equal, "An equal split.")
      .def_static("by", &al::MemberSplit::by, py::arg("key"), py::arg("label"),
                  "A split by a number input.\n\nArgs:\n    key: the number input.\n    label: its word in explanations.")
      .def("is_equal", &al::MemberSplit::is_equal, "True for an equal split.");

  py::class_<al::Staircase> staircase(
      m, "Staircase",
      "Rule: a performance staircase. The pot is cut into steps by weight; recipients whose measure\n"
      "reaches a step's bound share its money.\n\n"
      "    Staircase(measure=Measure(key=\"u90_2019\", baseline_key=\"u90_2018\", label=\"share < 90 days\"),\n"
      "              steps=[Step(name=\"step 1\", weight=70, bound=Bound.at_least(1)),\n"
      "                     Step(name=\"step 2\", weight=20, bound=Bound.at_least(3)),\n"
      "                     Step(name=\"step 3\", weight=10, bound=Bound.more_than(5))])");
  bind_fields(staircase, "Staircase", {"measure", "steps"},
              field{"measure", &al::Staircase::measure, "the Measure recipients are ranked by"},
              field{"steps", &al::Staircase::steps, "list of Step, lowest first; bounds rising strictly"},
              field{"membership", &al::Staircase::membership, "a StepMembership (or its name)"},
              field{"roll_over", &al::Staircase::roll_over, "a RollOver (or its name) for unreached steps"},
              field{"split", &al::Staircase::split, "the MemberSplit within a step"},
              field{"alternative", &al::Staircase::alternative, "an Alternative way into a step, or None"});
  staircase.def("check", &al::Staircase::check,
                "Raises DataError when there are no steps, every weight is 0, the bounds do not rise, or the\n"
                "alternative names a missing step.");

  m.def("rule_name", &al::rule_name, py::arg("rule"),
        "The rule's kind: \"equal_split\", \"weighted_split\", \"fixed_amounts\", \"weighted_formula\",\n"
        "\"staircase\".\n\nArgs:\n    rule: any rule.");
  m.def("describe_rule", &al::describe, py::arg("rule"),
        "The rule with its parameters in words.\n\nArgs:\n    rule: any rule.");

  // ---- programmes ----

  py::class_<al::Pot> pot(m, "Pot",
                          "A pot of money: a leaf applies a rule to the recipients under conditions; a parent is cut\n"
                          "into children by their weights, exactly.");
  bind_fields(pot, "Pot", {"key", "name", "amount"},
              field{"key", &al::Pot::key, "unique among siblings, no '/'; ids are paths of keys"},
              field{"name", &al::Pot::name, "for people to read"},
              field{"amount", &al::Pot::amount, "Money; only for top-level pots"},
              field{"weight", &al::Pot::weight, "share of the parent relative to the siblings' weights"},
              field{"children", &al::Pot::children, "list of child Pot"},
              field{"rule", &al::Pot::rule, "the rule of a leaf, or None for a parent"},
              field{"eligibility", &al::Pot::eligibility, "the Eligibility of a leaf"},
              field{"block", &al::Pot::block, "the agreement block the money belongs to"},
              field{"period", &al::Pot::period, "the Period the money is for"},
              field{"purpose", &al::Pot::purpose, "what the money is for"});

  py::class_<al::Leftover> leftover(m, "Leftover", "Money of a leaf pot that was not paid, and why.");
  bind_fields(leftover, "Leftover", {"amount", "reason"}, field{"amount", &al::Leftover::amount, "the Money"},
              field{"reason", &al::Leftover::reason, "a sentence saying why"});

  py::class_<al::Share> share(m, "Share", "One recipient's result in one leaf pot.");
  bind_fields(share, "Share", {"recipient", "amount", "step"},
              field{"recipient", &al::Share::recipient, "the recipient's id"},
              field{"amount", &al::Share::amount, "the Money paid from the pot"},
              field{"step", &al::Share::step, "the highest step reached (1 lowest, 0 none) for a staircase; else None"},
              field{"via_alternative", &al::Share::via_alternative, "whether a staircase step was reached through the alternative"},
              field{"failed_conditions", &al::Share::failed_conditions, "names of the conditions failed"},
              field{"withheld", &al::Share::withheld, "Money the rule gave but a failed condition withheld"},
              field{"explanation", &al::Share::explanation, "readable reasoning, line by line"});

  py::class_<al::PotResult> pot_result(m, "PotResult", "The result for one pot.");
  bind_fields(pot_result, "PotResult", {"id", "name", "amount"},
              field{"id", &al::PotResult::id, "the path of keys from the top, \"block-1/first_visits/2019-09\""},
              field{"key", &al::PotResult::key, "the pot's own key"},
              field{"name", &al::PotResult::name, "the pot's name, or its id"},
              field{"parent", &al::PotResult::parent, "id of the parent pot; empty at the top"},
              field{"amount", &al::PotResult::amount, "the Money in the pot"},
              field{"weight", &al::PotResult::weight, "its weight among its siblings"},
              field{"block", &al::PotResult::block, "as in the Pot"},
              field{"period", &al::PotResult::period, "as in the Pot"},
              field{"purpose", &al::PotResult::purpose, "as in the Pot"},
              field{"children", &al::PotResult::children, "ids of the child pots; empty for a leaf"},
              field{"rule", &al::PotResult::rule, "the rule's kind (leaves only)"},
              field{"rule_description", &al::PotResult::rule_description, "the rule in words (leaves only)"},
              field{"conditions", &al::PotResult::conditions, "the conditions in words (leaves only)"},
              field{"shares", &al::PotResult::shares, "one Share per recipient (leaves only)"},
              field{"leftovers", &al::PotResult::leftovers, "the unpaid money as Leftover values (leaves only)"});
  pot_result.def("is_leaf", &al::PotResult::is_leaf, "True when the pot has no children.")
      .def("distributed", &al::PotResult::distributed,
           "Leaves: sum of the shares (for a parent use ProgrammeResult.paid).")
      .def("undistributed", &al::PotResult::undistributed, "Leaves: sum of the leftovers.")
      .def("undistributed_reason", &al::PotResult::undistributed_reason,
           "The leftovers' reasons, each with its amount, joined with \"; \".")
      .def(
          "share_of",
          [](const al::PotResult& p, std::string_view recipient) -> std::optional<al::Share> {
            if (const auto* s = p.share_of(recipient)) return *s;
            return std::nullopt;
          },
          py::arg("recipient"), "A copy of the recipient's Share, or None.\n\nArgs:\n    recipient: the recipient's id.");

  py::class_<al::ProgrammeResult> result(
      m, "ProgrammeResult",
      "The result of running a programme: every pot (parents first), every recipient's amounts and\n"
      "explanations, exact to the öre.\n\n"
      "    result.amount(\"uppsala\", \"block-1\")\n"
      "    result.paid(\"block-1\") + result.undistributed(\"block-1\") == result.pot(\"block-1\").amount\n"
      "    print(result.explain(\"uppsala\"))\n"
      "    result.shares_frame()     # one row per recipient and leaf pot");
  bind_fields(result, "ProgrammeResult", {"key", "name"},
              field{"key", &al::ProgrammeResult::key, "the programme's key"},
              field{"name", &al::ProgrammeResult::name, "the programme's name"},
              field{"year", &al::ProgrammeResult::year, "the programme's year, or None"},
              field{"recipients", &al::ProgrammeResult::recipients, "the recipients as (id, name) pairs, in the order run"},
              field{"pots", &al::ProgrammeResult::pots, "list of PotResult, parents before children"});
  result
      .def(
          "find_pot",
          [](const al::ProgrammeResult& r, std::string_view id) -> std::optional<al::PotResult> {
            if (const auto* p = r.find_pot(id)) return *p;
            return std::nullopt;
          },
          py::arg("id"), "A copy of the pot with this id, or None.\n\nArgs:\n    id: the pot's id.")
      .def("pot", &al::ProgrammeResult::pot, py::arg("id"),
           "A copy of the pot with this id; raises NotFoundError.\n\nArgs:\n    id: the pot's id.")
      .def(
          "leaves",
          [](const al::ProgrammeResult& r, std::string_view id) {
            std::vector<al::PotResult> out;
            for (const auto* p : r.leaves(id)) out.push_back(*p);
            return out;
          },
          py::arg("pot_id"), "Copies of the leaves at or below a pot, in order.\n\nArgs:\n    pot_id: the pot's id.")
      .def("amount", &al::ProgrammeResult::amount, py::arg("recipient"), py::arg("pot_id"),
           "What a recipient gets from a pot and everything below it.\n\nArgs:\n    recipient: the recipient's id.\n"
           "    pot_id: the pot's id.")
      .def("total", &al::ProgrammeResult::total, py::arg("recipient"),
           "What a recipient gets from the whole programme.\n\nArgs:\n    recipient: the recipient's id.")
      .def("paid", &al::ProgrammeResult::paid, py::arg("pot_id"),
           "Paid to recipients from a pot and everything below it.\n\nArgs:\n    pot_id: the pot's id.")
      .def("undistributed", &al::ProgrammeResult::undistributed, py::arg("pot_id"),
           "Left undistributed in a pot and everything below it.\n\nArgs:\n    pot_id: the pot's id.")
      .def("amount_total", &al::ProgrammeResult::amount_total, "Sum of the top-level pots.")
      .def("paid_total", &al::ProgrammeResult::paid_total, "Paid from the whole programme.")
      .def("explain", &explanation_text, py::arg("recipient"),
           "Why the recipient gets what it gets, as readable text: per leaf pot the measure, step,\n"
           "roll-overs, conditions, share and amount, then the total. Raises NotFoundError for an\n"
           "unknown recipient.\n\nArgs:\n    recipient: the recipient's id.")
      .def("explanation_lines", &al::ProgrammeResult::explain, py::arg("recipient"),
           "explain() as a list of lines, each prefixed with the pot's name.\n\nArgs:\n"
           "    recipient: the recipient's id.")
      .def("explanation", &explanation_dict, py::arg("recipient"),
           "explain() in the JSON form of to_dict(): {\"id\", \"name\", \"total\", \"shares\": [share objects\n"
           "with \"pot\" and \"pot_name\" added], \"explanation\": [lines]}.\n\nArgs:\n    recipient: the recipient's id.")
      .def(
          "shares_frame", [](const al::ProgrammeResult& r) { return frame_of(r, shares_table); },
          "One row per recipient and leaf pot: pot_id, pot_name, block, start, end, recipient_id, recipient_name,\n"
          "amount_ore/_kr/_kr_exact/_currency, step (Int64, <NA> for rules without steps), via_alternative,\n"
          "failed_conditions, withheld_ore/_kr/_kr_exact/_currency.")
      .def(
          "pots_frame", [](const al::ProgrammeResult& r) { return frame_of(r, pots_table); },
          "One row per pot, parents first: pot_id, key, name, parent_id, leaf, weight, block, start, end,\n"
          "purpose, rule, rule_description, conditions, amount_*, paid_*, undistributed_*.")
      .def(
          "undistributed_frame",
          [](const al::ProgrammeResult& r) { return frame_of(r, undistributed_table); },
          "One row per amount left unpaid in a leaf pot: pot_id, pot_name, block, start, end, amount_*, reason.")
      .def(
          "recipients_frame", [](const al::ProgrammeResult& r) { return frame_of(r, recipients_table); },
          "One row per recipient: recipient_id, recipient_name, total_*.")
      .def("to_frames", &allocation_frames,
           "Every table: {\"shares\", \"pots\", \"undistributed\", \"recipients\"} to pandas DataFrames.");
  def_json(result, "result (schema samverkan.allocation)");

  py::class_<al::Programme> programme(
      m, "Programme",
      "A named set of top-level pots. run(recipients) shares them out.\n\n"
      "    Programme(key=\"demo\", name=\"Demo\", pots=[Pot(key=\"all\", amount=Money.from_kronor(100),\n"
      "                                                rule=EqualSplit())]).run(recipients)");
  bind_fields(programme, "Programme", {"key", "name"},
              field{"key", &al::Programme::key, "short, id-safe key prefixing record ids"},
              field{"name", &al::Programme::name, "for people to read"},
              field{"description", &al::Programme::description, "what the programme is"},
              field{"year", &al::Programme::year, "its year, or None"},
              field{"recipient_noun", &al::Programme::recipient_noun, "what explanations call a recipient"},
              field{"pots", &al::Programme::pots, "list of top-level Pot"});
  programme
      .def("check", &al::Programme::check, "Raises DataError naming the pot when the tree is malformed.")
      .def(
          "run",
          [](const al::Programme& self, const std::vector<al::Recipient>& recipients) {
            // The run's own copy, taken with the GIL held: Python functions it
            // calls, and other threads, may change or empty the programme
            // (programme.pots = []) while it runs.
            const al::Programme own = self;
            py::gil_scoped_release release;
            return own.run(recipients);
          },
          py::arg("recipients"),
          "Runs every pot on the recipients (without holding the GIL, except to call Python\n"
          "functions given as criteria or formulas). The run works on a copy of the programme taken\n"
          "when it starts: changes made while it runs, by those functions or by other threads, apply\n"
          "to later runs only. Python functions nested through C++ (a criterion that runs a programme\n"
          "again) raise RecursionError beyond a depth of 100. Raises DataError for an empty or\n"
          "repeated id and for missing or unusable inputs.\n\nArgs:\n    recipients: list of Recipient.");

  // ---- the 2019 queue billion ----

  py::class_<k19::Region> region_cls(m, "Koemiljard2019Region",
                                 "One of the 21 regions of the 2019 queue billion; get them from\n"
                                 "koemiljard2019_regions() or koemiljard2019_find_region().");
  region_cls.def_property_readonly("id", [](const k19::Region& r) { return std::string(r.id); }, "The stable id, \"vastra-gotaland\".")
      .def_property_readonly("short_name", [](const k19::Region& r) { return std::string(r.short_name); },
                             "The county's short name, \"Västra Götaland\".")
      .def_property_readonly("official_name", [](const k19::Region& r) { return std::string(r.official_name); },
                             "The region's own name, \"Västra Götalandsregionen\".")
      .def_property_readonly(
          "aliases",
          [](const k19::Region& r) {
            std::vector<std::string> out;
            std::string_view rest = r.aliases;
            while (!rest.empty()) {
              const auto bar = rest.find('|');
              out.emplace_back(rest.substr(0, bar));
              rest = bar == std::string_view::npos ? std::string_view() : rest.substr(bar + 1);
            }
            return out;
          },
          "Further accepted spellings.")
      .def("__repr__", [](const k19::Region& r) { return "Koemiljard2019Region('" + std::string(r.id) + "')"; },
           "The type and id.")
      .def(py::pickle([](const k19::Region& r) { return py::make_tuple(std::string(r.id)); },
                      [](const py::tuple& state) {
                        if (state.size() != 1) throw value_error("pickled state of the wrong size");
                        return region_named(state[0].cast<std::string>());
                      }));
  region_cls.def(
      "__eq__", [](const k19::Region& r, const py::object& other) {
        return py::isinstance<k19::Region>(other) && other.cast<const k19::Region&>().id == r.id;
      },
      py::arg("other"), "Same region.");
  region_cls.def(
      "__ne__", [](const k19::Region& r, const py::object& other) {
        return !py::isinstance<k19::Region>(other) || other.cast<const k19::Region&>().id != r.id;
      },
      py::arg("other"), "Another region.");
  region_cls.def("__hash__", [](const k19::Region& r) { return std::hash<std::string_view>{}(r.id); }, "Hash of the id.");

  bind_choice<k19::Group>(m, "Koemiljard2019Group", "The two performance groups of Block 1.",
                          {{"first_visits", k19::Group::first_visits, "first visits (förstabesök)"},
                           {"operations", k19::Group::operations, "operations and procedures (operation/åtgärd)"}});
  bind_choice<k19::StepSplit>(m, "Koemiljard2019StepSplit", "How a step's money is shared among the regions in it.",
                              {{"population", k19::StepSplit::population, "by population share"},
                               {"equal", k19::StepSplit::equal, "equally per region"}});

  py::class_<k19::MonthFigures> figures(m, "Koemiljard2019MonthFigures",
                                        "One group's waiting-time figures for one month.");
  bind_fields(figures, "Koemiljard2019MonthFigures", {"under_90_2018", "under_90_2019", "within_60_2019"},
              field{"under_90_2018", &k19::MonthFigures::under_90_2018,
                    "share (Percent) waiting under 90 days, same month of 2018"},
              field{"under_90_2019", &k19::MonthFigures::under_90_2019, "the same share in 2019"},
              field{"within_60_2019", &k19::MonthFigures::within_60_2019,
                    "share waited 60 days or less in 2019 (the 71 % alternative)"});

  py::class_<k19::Reporting> reporting(m, "Koemiljard2019Reporting", "What a region reported in 2019 (Block 2).");
  bind_fields(reporting, "Koemiljard2019Reporting", {"lowest_response_rate", "actual_waits_within_five_weeks", "status_report"},
              field{"lowest_response_rate", &k19::Reporting::lowest_response_rate,
                    "the lowest monthly response rate (Percent)"},
              field{"actual_waits_within_five_weeks", &k19::Reporting::actual_waits_within_five_weeks,
                    "actual waiting times reported within five weeks of every month"},
              field{"status_report", &k19::Reporting::status_report,
                    "datetime.date the status report was submitted, or None"});

  py::class_<k19::RegionInputs> inputs(m, "Koemiljard2019RegionInputs", "One region's inputs to the 2019 programme.");
  bind_fields(inputs, "Koemiljard2019RegionInputs", {"region", "population"},
              field{"region", &k19::RegionInputs::region, "the region, any spelling find_region accepts"},
              field{"population", &k19::RegionInputs::population, "inhabitants"},
              field{"first_visits", &k19::RegionInputs::first_visits,
                    "dict of month (9, 10, 11) to Koemiljard2019MonthFigures"},
              field{"operations", &k19::RegionInputs::operations, "the same for operations"},
              field{"reporting", &k19::RegionInputs::reporting, "the Koemiljard2019Reporting"});

  const k19::Parameters defaults{};
  py::class_<k19::Parameters> parameters(
      m, "Koemiljard2019Parameters",
      "The readings the 2019 agreement leaves open, and its fixed figures, each with its documented\n"
      "default (see include/samverkan/allocate/koemiljard2019.hpp for the reasons).");
  parameters
      .def(py::init([](Money block1, Money block2, std::vector<std::uint64_t> step_weights,
                       std::optional<std::vector<al::Bound>> step_bounds, al::StepMembership membership,
                       k19::StepSplit step_split, al::RollOver roll_over, bool alternative,
                       al::Bound alternative_bound, bool alternative_only_without_improvement,
                       al::FailedShare block2_failed, bool block2_conditional, al::Bound response_rate,
                       bool require_five_week_reporting, Date status_report_deadline) {
             k19::Parameters p;
             p.block1 = block1;
             p.block2 = block2;
             if (step_weights.size() != 3) throw value_error("step_weights must have three weights");
             std::copy(step_weights.begin(), step_weights.end(), p.step_weights.begin());
             if (step_bounds) {
               if (step_bounds->size() != 3) throw value_error("step_bounds must have three bounds");
               std::copy(step_bounds->begin(), step_bounds->end(), p.step_bounds.begin());
             }
             p.membership = membership;
             p.step_split = step_split;
             p.roll_over = roll_over;
             p.alternative = alternative;
             p.alternative_bound = alternative_bound;
             p.alternative_only_without_improvement = alternative_only_without_improvement;
             p.block2_failed = block2_failed;
             p.block2_conditional = block2_conditional;
             p.response_rate = response_rate;
             p.require_five_week_reporting = require_five_week_reporting;
             p.status_report_deadline = status_report_deadline;
             return p;
           }),
           py::arg("block1") = defaults.block1, py::arg("block2") = defaults.block2,
           py::arg("step_weights") =
               std::vector<std::uint64_t>(defaults.step_weights.begin(), defaults.step_weights.end()),
           py::arg("step_bounds") = py::none(), py::arg("membership") = defaults.membership,
           py::arg("step_split") = defaults.step_split, py::arg("roll_over") = defaults.roll_over,
           py::arg("alternative") = defaults.alternative, py::arg("alternative_bound") = defaults.alternative_bound,
           py::arg("alternative_only_without_improvement") = defaults.alternative_only_without_improvement,
           py::arg("block2_failed") = defaults.block2_failed,
           py::arg("block2_conditional") = defaults.block2_conditional,
           py::arg("response_rate") = defaults.response_rate,
           py::arg("require_five_week_reporting") = defaults.require_five_week_reporting,
           py::arg("status_report_deadline") = defaults.status_report_deadline,
           "Makes parameters; every argument is keyword-capable and defaults to the agreement's reading.\n\n"
           "Args:\n"
           "    block1: Money of Block 1 (1 280 000 000 kr).\n"
           "    block2: Money of Block 2 (320 000 000 kr).\n"
           "    step_weights: three step weights (70, 20, 10).\n"
           "    step_bounds: three Bound on the improvement in points, or None for the text's reading\n"
           "        (>= 1, >= 3, > 5); Koemiljard2019Parameters.boundaries(\"lower\") gives others.\n"
           "    membership: StepMembership (cumulative: \"a further 20 %\").\n"
           "    step_split: Koemiljard2019StepSplit within a step (population).\n"
           "    roll_over: RollOver of an unreached step's money (to_step_below).\n"
           "    alternative: whether the 71 % alternative applies (True).\n"
           "    alternative_bound: its Bound (>= 71).\n"
           "    alternative_only_without_improvement: the strict reading of \"paid for one reason only\" (False).\n"
           "    block2_failed: FailedShare of a region failing a Block 2 condition (retained).\n"
           "    block2_conditional: whether the conditions decide Block 2 (True).\n"
           "    response_rate: Bound on the lowest monthly response rate (>= 95).\n"
           "    require_five_week_reporting: whether reporting within five weeks is required (True).\n"
           "    status_report_deadline: last datetime.date for the status report (2019-10-15).")
      .def_readwrite("block1", &k19::Parameters::block1, "Money of Block 1.")
      .def_readwrite("block2", &k19::Parameters::block2, "Money of Block 2.")
      .def_property(
          "step_weights",
          [](const k19::Parameters& p) {
            return std::vector<std::uint64_t>(p.step_weights.begin(), p.step_weights.end());
          },
          [](k19::Parameters& p, const std::vector<std::uint64_t>& w) {
            if (w.size() != 3) throw value_error("step_weights must have three weights");
            std::copy(w.begin(), w.end(), p.step_weights.begin());
          },
          "The three step weights, a list of int (a copy; assign a new list).")
      .def_property(
          "step_bounds",
          [](const k19::Parameters& p) { return std::vector<al::Bound>(p.step_bounds.begin(), p.step_bounds.end()); },
          [](k19::Parameters& p, const std::vector<al::Bound>& b) {
            if (b.size() != 3) throw value_error("step_bounds must have three bounds");
            std::copy(b.begin(), b.end(), p.step_bounds.begin());
          },
          "The three Bound on the improvement that reach each step (a copy; assign a new list).")
      .def_readwrite("membership", &k19::Parameters::membership, "The StepMembership.")
      .def_readwrite("step_split", &k19::Parameters::step_split, "The Koemiljard2019StepSplit.")
      .def_readwrite("roll_over", &k19::Parameters::roll_over, "The RollOver.")
      .def_readwrite("alternative", &k19::Parameters::alternative, "Whether the 71 % alternative applies.")
      .def_readwrite("alternative_bound", &k19::Parameters::alternative_bound, "The alternative's Bound.")
      .def_readwrite("alternative_only_without_improvement", &k19::Parameters::alternative_only_without_improvement,
                     "The strict reading of \"paid for one reason only\".")
      .def_readwrite("block2_failed", &k19::Parameters::block2_failed, "The FailedShare of Block 2.")
      .def_readwrite("block2_conditional", &k19::Parameters::block2_conditional,
                     "Whether the conditions decide Block 2.")
      .def_readwrite("response_rate", &k19::Parameters::response_rate, "Bound on the lowest response rate.")
      .def_readwrite("require_five_week_reporting", &k19::Parameters::require_five_week_reporting,
                     "Whether reporting within five weeks is required.")
      .def_readwrite("status_report_deadline", &k19::Parameters::status_report_deadline,
                     "Last datetime.date for the status report.")
      .def("describe", &k19::Parameters::describe, "The parameters in words, one str per line.")
      .def_static(
          "boundaries",
          [](std::string_view spec) {
            const auto b = k19::Parameters::boundaries(spec);
            return std::vector<al::Bound>(b.begin(), b.end());
          },
          py::arg("spec"),
          "Named sets of step bounds: \"text\" (>= 1, >= 3, > 5), \"lower\" (>= 1, >= 3, >= 5), \"upper\"\n"
          "(>= 1, > 3, > 5), or an explicit \">=1,>=3,>5\". Raises ParseError otherwise.\n\nArgs:\n    spec: the name or list.")
      .def("__repr__", [](const k19::Parameters& p) {
             std::string text = "Koemiljard2019Parameters(";
             const auto lines = p.describe();
             for (std::size_t i = 0; i < lines.size(); ++i) text += (i ? "; " : "") + lines[i];
             return text + ")";
           },
           "The type and the parameters in words.")
      .def(
          "__eq__",
          [](const k19::Parameters& p, const py::object& other) {
            return py::isinstance<k19::Parameters>(other) &&
                   parameters_state(p).equal(parameters_state(other.cast<const k19::Parameters&>()));
          },
          py::arg("other"), "Equal when every parameter is equal.")
      .def(
          "__ne__",
          [](const k19::Parameters& p, const py::object& other) {
            return !py::isinstance<k19::Parameters>(other) ||
                   parameters_state(p).not_equal(parameters_state(other.cast<const k19::Parameters&>()));
          },
          py::arg("other"), "Not equal when a parameter differs.")
      .def(py::pickle(
          &parameters_state,
          [](const py::tuple& s) {
            if (s.size() != 15) throw value_error("pickled state of the wrong size");
            k19::Parameters p;
            p.block1 = s[0].cast<Money>();
            p.block2 = s[1].cast<Money>();
            const auto w = s[2].cast<std::vector<std::uint64_t>>();
            const auto b = s[3].cast<std::vector<al::Bound>>();
            if (w.size() != 3 || b.size() != 3) throw value_error("pickled state of the wrong size");
            std::copy(w.begin(), w.end(), p.step_weights.begin());
            std::copy(b.begin(), b.end(), p.step_bounds.begin());
            p.membership = s[4].cast<al::StepMembership>();
            p.step_split = s[5].cast<k19::StepSplit>();
            p.roll_over = s[6].cast<al::RollOver>();
            p.alternative = s[7].cast<bool>();
            p.alternative_bound = s[8].cast<al::Bound>();
            p.alternative_only_without_improvement = s[9].cast<bool>();
            p.block2_failed = s[10].cast<al::FailedShare>();
            p.block2_conditional = s[11].cast<bool>();
            p.response_rate = s[12].cast<al::Bound>();
            p.require_five_week_reporting = s[13].cast<bool>();
            p.status_report_deadline = s[14].cast<Date>();
            return p;
          }));

  def_unhashable(parameters);

  py::class_<k19::RegionResult> region_result(m, "Koemiljard2019RegionResult", "One region's money from the 2019 programme.");
  region_result.def(py::init<>(), "An empty result; results come from koemiljard2019_run().")
      .def_readwrite("id", &k19::RegionResult::id, "The region's id.")
      .def_readwrite("name", &k19::RegionResult::name, "The region's official name.")
      .def_readwrite("population", &k19::RegionResult::population, "Inhabitants, as given.")
      .def_property_readonly(
          "block1_months",
          [](const k19::RegionResult& r) {
            std::vector<std::vector<Money>> out;
            for (const auto& g : r.block1_months) out.emplace_back(g.begin(), g.end());
            return out;
          },
          "Block 1 per group and month as lists of Money ([group][0..2] for September..November,\n"
          "first visits then operations).")
      .def_property_readonly(
          "block1_groups", [](const k19::RegionResult& r) { return std::vector<Money>(r.block1_groups.begin(), r.block1_groups.end()); },
          "Block 1 per group, a list of Money [first visits, operations].")
      .def_readwrite("block1", &k19::RegionResult::block1, "Block 1 in all.")
      .def_readwrite("block2", &k19::RegionResult::block2, "Block 2.")
      .def_readwrite("total", &k19::RegionResult::total, "Block 1 + Block 2.")
      .def_readwrite("failed_conditions", &k19::RegionResult::failed_conditions,
                     "Names of the Block 2 conditions it failed.")
      .def("__repr__",
           [](const k19::RegionResult& r) {
             return "Koemiljard2019RegionResult(id='" + r.id + "', block1=" + r.block1.str() + ", block2=" +
                    r.block2.str() + ", total=" + r.total.str() + ")";
           },
           "The type, id and amounts.")
      .def(py::pickle(
          [](const k19::RegionResult& r) {
            std::vector<std::vector<Money>> months;
            for (const auto& g : r.block1_months) months.emplace_back(g.begin(), g.end());
            return py::make_tuple(r.id, r.name, r.population, months,
                                  std::vector<Money>(r.block1_groups.begin(), r.block1_groups.end()), r.block1,
                                  r.block2, r.total, r.failed_conditions);
          },
          [](const py::tuple& s) {
            if (s.size() != 9) throw value_error("pickled state of the wrong size");
            k19::RegionResult r;
            r.id = s[0].cast<std::string>();
            r.name = s[1].cast<std::string>();
            r.population = s[2].cast<std::int64_t>();
            const auto months = s[3].cast<std::vector<std::vector<Money>>>();
            const auto groups_ = s[4].cast<std::vector<Money>>();
            if (months.size() != 2 || groups_.size() != 2) throw value_error("pickled state of the wrong size");
            for (std::size_t g = 0; g < 2; ++g) {
              if (months[g].size() != 3) throw value_error("pickled state of the wrong size");
              std::copy(months[g].begin(), months[g].end(), r.block1_months[g].begin());
            }
            std::copy(groups_.begin(), groups_.end(), r.block1_groups.begin());
            r.block1 = s[5].cast<Money>();
            r.block2 = s[6].cast<Money>();
            r.total = s[7].cast<Money>();
            r.failed_conditions = s[8].cast<std::vector<std::string>>();
            return r;
          }));

  py::class_<k19::Result> k19_result(
      m, "Koemiljard2019Result",
      "The result of a 2019 run: the parameters, the full ProgrammeResult (allocation) and one\n"
      "Koemiljard2019RegionResult per region in input order.\n\n"
      "    result.allocation.paid(\"block-2\") + result.allocation.undistributed(\"block-2\")\n"
      "    print(result.explain(\"Västmanland\"))\n"
      "    result.regions_frame()");
  bind_fields(k19_result, "Koemiljard2019Result", {"allocation"},
              field{"parameters", &k19::Result::parameters, "the Koemiljard2019Parameters used"},
              field{"allocation", &k19::Result::allocation, "the full ProgrammeResult"},
              field{"regions", &k19::Result::regions, "list of Koemiljard2019RegionResult, in input order"});
  k19_result
      .def(
          "table",
          [](const k19::Result& r, bool per_month) {
            const k19::Result own = r;
            py::gil_scoped_release release;
            return own.table(per_month);
          },
          py::arg("per_month") = false,
           "The table `samverkan allocate` prints, with totals and the undistributed money's reasons.\n\n"
           "Args:\n    per_month: Block 1 per group and month instead of per group.")
      .def(
          "explain",
          [](const k19::Result& r, const std::string& region) {
            return r.allocation.explanation_text(region_in(r, region));
          },
          py::arg("region"),
          "Why the region gets what it gets, as readable text. Raises NotFoundError for an unknown\n"
          "region or one not among the inputs.\n\nArgs:\n"
          "    region: any spelling find_region accepts (\"VGR\", \"Region Uppsala\") or the region's id.")
      .def(
          "explanation",
          [](const k19::Result& r, const std::string& region) {
            return explanation_dict(r.allocation, region_in(r, region));
          },
          py::arg("region"),
          "explain() in the JSON form (see ProgrammeResult.explanation).\n\nArgs:\n"
          "    region: any spelling find_region accepts, or the region's id.")
      .def(
          "region",
          [](const k19::Result& r, const std::string& region) {
            const std::string& id = region_in(r, region);
            for (const auto& rr : r.regions)
              if (rr.id == id) return rr;
            throw not_found_error("unknown region '" + region + "'");
          },
          py::arg("region"),
          "A copy of one region's result; raises NotFoundError.\n\nArgs:\n"
          "    region: any spelling find_region accepts, or the region's id.")
      .def(
          "regions_frame", [](const k19::Result& r) { return frame_of(r, regions_table); },
          "One row per region, in input order: region_id, region_name, population, block1_first_visits_*,\n"
          "block1_operations_*, block1_*, block2_*, total_* (each _ore, _kr, _kr_exact, _currency), failed_conditions.")
      .def(
          "months_frame", [](const k19::Result& r) { return frame_of(r, months_table); },
          "One row per region, group and month of Block 1: region_id, region_name, group, month (first day),\n"
          "pot_id, step (0 for none), via_alternative, amount_*.")
      .def(
          "undistributed_frame",
          [](const k19::Result& r) { return frame_of(r.allocation, undistributed_table); },
          "The money left unpaid, with reasons (see ProgrammeResult.undistributed_frame).")
      .def(
          "to_frames",
          [](const k19::Result& r) {
            const k19::Result own = r;
            py::dict frames = allocation_frames_from_copy(own.allocation);
            frames["regions"] = frame_from_copy(own, regions_table);
            frames["months"] = frame_from_copy(own, months_table);
            return frames;
          },
          "Every table: {\"regions\", \"months\"} and the allocation's {\"shares\", \"pots\",\n"
          "\"undistributed\", \"recipients\"} as pandas DataFrames.");
  def_json(k19_result, "result (schema samverkan.koemiljard2019)");

  m.def("koemiljard2019_regions", &k19::regions, "The 21 regions in county-code order.");
  m.def(
      "koemiljard2019_find_region",
      [](std::string_view name) -> std::optional<k19::Region> {
        if (const auto* r = k19::find_region(name)) return *r;
        return std::nullopt;
      },
      py::arg("name"),
      "The region a name denotes, ignoring case and spacing (\"Jönköping\", \"Region Jönköpings län\",\n"
      "\"VGR\"), or None.\n\nArgs:\n    name: the name.");
  m.def("koemiljard2019_figure_key", &k19::figure_key, py::arg("group"), py::arg("month"), py::arg("figure"),
        "Key of a figure among a Recipient's percents: \"first_visits/2019-09/under_90_2018\".\n\nArgs:\n"
        "    group: a Koemiljard2019Group.\n    month: 9, 10 or 11.\n"
        "    figure: \"under_90_2018\", \"under_90_2019\" or \"within_60_2019\".");
  m.def(
      "koemiljard2019_pot_id",
      [](k19::Group group, std::optional<unsigned> month) {
        return month ? k19::pot_id(group, *month) : k19::pot_id(group);
      },
      py::arg("group"), py::arg("month") = py::none(),
      "Pot id of a group (\"block-1/first_visits\") or of a group and month\n(\"block-1/first_visits/2019-09\").\n\n"
      "Args:\n    group: a Koemiljard2019Group.\n    month: 9, 10, 11, or None for the group.");
  m.def("koemiljard2019_programme", &k19::programme,
        py::arg_v("parameters", k19::Parameters{}, "Koemiljard2019Parameters()"),
        "The programme for the parameters: pots \"block-1\" (two groups x three months, each a\n"
        "staircase) and \"block-2\" (population share on conditions).\n\nArgs:\n"
        "    parameters: the Koemiljard2019Parameters.");
  m.def("koemiljard2019_recipients", &k19::recipients, py::arg("inputs"),
        "Checks the inputs and turns them into Recipient values; raises DataError naming the region and\n"
        "field.\n\nArgs:\n    inputs: list of Koemiljard2019RegionInputs.");
  m.def(
      "koemiljard2019_run",
      [](const std::vector<k19::RegionInputs>& regions, k19::Parameters chosen) {
        // The parameters by value: the caller's object may be changed by another thread meanwhile.
        py::gil_scoped_release release;
        return k19::run(regions, chosen);
      },
      py::arg("inputs"), py::arg_v("parameters", k19::Parameters{}, "Koemiljard2019Parameters()"),
        "Runs the 2019 programme on the regions' inputs, without holding the GIL. Raises DataError for\n"
        "an unknown or repeated region, a population that is not positive, a share outside 0-100 %,\n"
        "a missing month.\n\nArgs:\n    inputs: list of Koemiljard2019RegionInputs.\n"
        "    parameters: the Koemiljard2019Parameters.");
  m.def("koemiljard2019_parse_csv", &k19::parse_csv, py::arg("text"), py::arg("source") = "",
        py::call_guard<py::gil_scoped_release>(),
        "Reads the CSV format of data/allocation/README.md. Raises ParseError naming the source, line,\n"
        "region and column.\n\nArgs:\n    text: the CSV text.\n    source: a name for messages (a path).");
  m.def("koemiljard2019_read_csv", &k19::read_csv, py::arg("path"), py::call_guard<py::gil_scoped_release>(),
        "koemiljard2019_parse_csv on a file; raises FileError when it cannot be read.\n\nArgs:\n"
        "    path: a str or os.PathLike.");
}

}  // namespace samverkan_py
