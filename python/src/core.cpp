// Money, currencies, dates, periods, times of day, entity references and
// provenance: the values every record is made of.
#include "bindings.hpp"

#include <functional>

namespace samverkan_py {

namespace {

py::object decimal_class() {
  static py::object cls = py::module_::import("decimal").attr("Decimal");
  return cls;
}

// Exact: Decimal arithmetic on the value as given, refusing floats (whose
// binary value is rarely the amount meant) and anything finer than one öre.
Money money_from_kronor(const py::object& kronor, const Currency& currency) {
  if (py::isinstance<py::bool_>(kronor) || py::isinstance<py::float_>(kronor))
    throw py::type_error("kronor must be an int, a decimal.Decimal or a str, not " +
                         std::string(py::str(kronor.get_type().attr("__name__"))));
  if (py::isinstance<py::int_>(kronor)) {
    std::int64_t whole = 0;
    try {
      whole = kronor.cast<std::int64_t>();
    } catch (const py::cast_error&) {
      throw overflow_error("amount beyond the range of money: " + std::string(py::str(kronor)) + " kr");
    }
    return Money::from_kronor(whole, currency);
  }
  py::object value = decimal_class()(kronor);
  if (!value.attr("is_finite")().cast<bool>()) throw value_error("amount is not finite: " + std::string(py::str(kronor)));
  py::object ore = value.attr("scaleb")(2);
  if (!ore.attr("__eq__")(ore.attr("to_integral_value")()).cast<bool>())
    throw value_error("amount more precise than one öre: " + std::string(py::str(kronor)));
  py::object as_int = py::int_(ore);
  try {
    return Money::from_ore(as_int.cast<std::int64_t>(), currency);
  } catch (const py::cast_error&) {
    throw overflow_error("amount beyond the range of money: " + std::string(py::str(kronor)) + " kr");
  }
}

}  // namespace

void bind_core(py::module_& m) {
  m.def("parse_date", &parse_date, py::arg("text"), "Reads an ISO 8601 date (\"2024-10-28\"); raises ParseError otherwise.");
  m.def("parse_swedish_date", &parse_swedish_date, py::arg("text"), py::arg("context_year") = py::none(),
        "Reads the date forms Swedish documents use (\"Torsdag 10 mars 2022\", \"28/10 2024\";\n"
        "\"den 27 september\" when context_year is given). None when the text holds no date.");
  m.def("format_date", &format_date, py::arg("date"), "ISO 8601 text of a date: \"2024-10-28\".");

  py::class_<Currency> currency_class(m, "Currency", "A three-letter ISO 4217 currency code; SEK unless stated.");
  currency_class
      .def(py::init([](std::string_view code) { return Currency(code); }), py::arg("code") = "SEK",
           "Makes a currency from its code; raises DataError unless it is three letters A-Z.")
      .def_property_readonly("code", &Currency::code, "The code, e.g. \"SEK\".")
      .def("__str__", &Currency::code, "The code.")
      .def("__repr__", [](const Currency& c) { return "Currency('" + c.code() + "')"; }, "Currency('SEK').")
      .def("__hash__", [](const Currency& c) { return std::hash<std::string>{}(c.code()); }, "Hash of the code.")
      .def(py::pickle([](const Currency& c) { return py::make_tuple(c.code()); },
                      [](const py::tuple& state) { return Currency(state[0].cast<std::string>()); }));
  py::implicitly_convertible<py::str, Currency>();

  py::class_<Money> money_class(m, "Money",
                    "An amount of money exact to the öre: an int of öre and a currency, never a float.\n\n"
                    "    Money.parse(\"1 280 000 000 kr\").ore == 128_000_000_000\n"
                    "    str(Money.from_kronor(25_000_000)) == \"25 000 000 kr\"\n"
                    "    Money(ore=150).kronor == Decimal(\"1.50\")\n\n"
                    "`approximate` records that the source said \"ca\"; it is part of equality but not\n"
                    "of ordering. Arithmetic and ordering across currencies raise CurrencyMismatchError;\n"
                    "results beyond 64 bits of öre raise AmountOverflowError.");
  money_class
      .def(py::init([](std::int64_t ore, const Currency& currency, bool approximate) {
             return Money::from_ore(ore, currency, approximate);
           }),
           py::arg("ore") = 0, py::arg("currency") = Currency::sek(), py::arg("approximate") = false,
           "Makes an amount from whole öre.\n\nArgs:\n    ore: the amount in öre (1/100 of the unit).\n"
           "    currency: the currency, a Currency or its code.\n    approximate: whether the source gave it as approximate.")
      .def_static("from_kronor", &money_from_kronor, py::arg("kronor"), py::arg("currency") = Currency::sek(),
                  "Makes an amount from kronor given as int, decimal.Decimal or str (\"1234.50\"); floats are\n"
                  "refused, and so is anything finer than one öre.\n\nArgs:\n    kronor: the amount in whole units.\n"
                  "    currency: the currency, a Currency or its code.")
      .def_static("parse", &Money::parse, py::arg("text"),
                  "Reads the forms Swedish documents use: \"1 280 000 000 kr\", \"25 mnkr\", \"3,5 miljoner kronor\",\n"
                  "\"150 tkr\", \"ca 25 000 000 kr\", \"500:-\", \"12 000 SEK\". Raises ParseError otherwise.")
      .def_property_readonly("ore", &Money::ore, "The amount in öre, an int.")
      .def_property_readonly("currency", &Money::currency, "The Currency.")
      .def_property_readonly("approximate", &Money::approximate, "Whether the source gave it as approximate (\"ca\").")
      .def_property_readonly("whole_units", &Money::whole_units, "Whole kronor, truncated toward zero.")
      .def_property_readonly(
          "kronor", [](const Money& money) { return decimal_class()(money.decimal()); },
          "The amount in kronor as an exact decimal.Decimal with two places.")
      .def("decimal", &Money::decimal, "Plain decimal text for machines: \"1280000000.00\".")
      .def("with_approximate", &Money::with_approximate, py::arg("value"),
           "The same amount marked (or unmarked) approximate.")
      .def("__str__", &Money::str, "Swedish form: \"1 280 000 000 kr\", \"1 234,50 kr\", \"ca 25 000 000 kr\".")
      .def("__repr__", [](const Money& money) { return "Money('" + money.str() + "')"; }, "Money('25 000 000 kr').")
      .def("__hash__",
           [](const Money& money) {
             return std::hash<std::int64_t>{}(money.ore()) ^ (std::hash<std::string>{}(money.currency().code()) << 1) ^
                    static_cast<std::size_t>(money.approximate());
           },
           "Consistent with ==.")
      .def(py::self < py::self, "Compares amounts; raises CurrencyMismatchError across currencies.")
      .def(py::self <= py::self, "Compares amounts; raises CurrencyMismatchError across currencies.")
      .def(py::self > py::self, "Compares amounts; raises CurrencyMismatchError across currencies.")
      .def(py::self >= py::self, "Compares amounts; raises CurrencyMismatchError across currencies.")
      .def(py::self + py::self, "Sum; raises CurrencyMismatchError or AmountOverflowError.")
      .def(py::self - py::self, "Difference; raises CurrencyMismatchError or AmountOverflowError.")
      .def(-py::self, "Negated amount.")
      .def(py::self * std::int64_t(), "Multiplied by a whole number; raises AmountOverflowError.")
      .def(std::int64_t() * py::self, "Multiplied by a whole number; raises AmountOverflowError.")
      .def(
          "__radd__",
          [](const Money& money, std::int64_t zero) {
            if (zero != 0) throw py::type_error("only 0 + Money is defined (so that sum() works)");
            return money;
          },
          py::arg("other"), "0 + money, so that sum() of amounts works.")
      .def("__bool__", [](const Money& money) { return money.ore() != 0; }, "False for zero.")
      .def(py::pickle(
          [](const Money& money) { return py::make_tuple(money.ore(), money.currency().code(), money.approximate()); },
          [](const py::tuple& state) {
            return Money::from_ore(state[0].cast<std::int64_t>(), Currency(state[1].cast<std::string>()),
                                   state[2].cast<bool>());
          }));

  py::class_<Period> period(m, "Period",
                     "A span of days, inclusive at both ends; either end may be open (None).\n\n"
                     "    Period(start=date(2018, 1, 1), end=date(2020, 12, 31)).contains(date(2019, 6, 1))");
  period
      .def(py::init([](std::optional<Date> start, std::optional<Date> end) { return Period{start, end}; }),
           py::arg("start") = py::none(), py::arg("end") = py::none(),
           "Makes a period.\n\nArgs:\n    start: first day, or None for no start.\n    end: last day, or None for no end.")
      .def_readwrite("start", &Period::start, "First day (datetime.date), or None when open.")
      .def_readwrite("end", &Period::end, "Last day (datetime.date), or None when open.")
      .def_static("years", &Period::years, py::arg("first"), py::arg("last"),
                  "Whole calendar years: years(2018, 2020) is 2018-01-01 to 2020-12-31.")
      .def_static("month", &Period::month, py::arg("year"), py::arg("month"), "One calendar month.")
      .def_static("starting", &Period::from, py::arg("start"), "From start with no end.")
      .def("is_open_ended", &Period::is_open_ended, "True when either end is open.")
      .def("is_valid", &Period::is_valid, "False when both ends are set and the end is before the start.")
      .def("contains", &Period::contains, py::arg("day"), "Whether the day lies in the period.")
      .def("overlaps", &Period::overlaps, py::arg("other"), "Whether the periods share a day.")
      .def("__contains__", &Period::contains, py::arg("day"), "`day in period`.")
      .def("__str__", &Period::str, "\"2018-01-01–2020-12-31\", \"2025-01-01–\".")
      .def("__repr__", [](const Period& p) { return "Period('" + p.str() + "')"; }, "Period('2018-01-01–2020-12-31').")
      .def(py::pickle([](const Period& p) { return py::make_tuple(p.start, p.end); },
                      [](const py::tuple& state) {
                        return Period{state[0].cast<std::optional<Date>>(), state[1].cast<std::optional<Date>>()};
                      }));

  py::class_<TimeOfDay> time_of_day(m, "TimeOfDay", "A time of day to the minute, as meetings state it.");
  time_of_day
      .def(py::init([](int hour, int minute) { return TimeOfDay::make(hour, minute); }), py::arg("hour") = 0,
           py::arg("minute") = 0,
           "Makes a time; raises DataError outside 00:00-24:00.\n\nArgs:\n    hour: 0-24.\n    minute: 0-59.")
      .def_static("parse", &TimeOfDay::parse, py::arg("text"), "Reads \"09.00\", \"9:00\", \"15:00\"; raises ParseError otherwise.")
      .def_property_readonly("hour", [](const TimeOfDay& t) { return int{t.hour}; }, "The hour.")
      .def_property_readonly("minute", [](const TimeOfDay& t) { return int{t.minute}; }, "The minute.")
      .def("minutes_since_midnight", &TimeOfDay::minutes_since_midnight, "Minutes since 00:00.")
      .def("__str__", &TimeOfDay::str, "\"09:00\".")
      .def("__repr__", [](const TimeOfDay& t) { return "TimeOfDay('" + t.str() + "')"; }, "TimeOfDay('09:00').")
      .def("__hash__", [](const TimeOfDay& t) { return t.minutes_since_midnight(); }, "Consistent with ==.")
      .def(py::self < py::self, "Earlier.")
      .def(py::self <= py::self, "Earlier or same.")
      .def(py::self > py::self, "Later.")
      .def(py::self >= py::self, "Later or same.")
      .def(py::pickle([](const TimeOfDay& t) { return py::make_tuple(int{t.hour}, int{t.minute}); },
                      [](const py::tuple& state) {
                        return TimeOfDay::make(state[0].cast<int>(), state[1].cast<int>());
                      }));

  bind_vocabulary<EntityKind>(m, "EntityKind", "Every kind of entity that has an id of its own.");

  py::class_<EntityRef> entity_ref(m, "EntityRef", "A reference to an entity of any kind: its kind and id.");
  entity_ref
      .def(py::init<EntityKind, std::string>(), py::arg("kind"), py::arg("id"),
           "Makes a reference.\n\nArgs:\n    kind: the EntityKind (or its name).\n    id: the entity's id.")
      .def_readwrite("kind", &EntityRef::kind, "The EntityKind.")
      .def_readwrite("id", &EntityRef::id, "The id, a str.")
      .def("__str__", [](const EntityRef& r) { return describe(r); }, "\"meeting meeting/3\".")
      .def("__repr__",
           [](const EntityRef& r) { return "EntityRef(kind=EntityKind." + std::string(to_string(r.kind)) + ", id='" + r.id + "')"; },
           "EntityRef(kind=..., id=...).")
      .def("__hash__", [](const EntityRef& r) { return std::hash<std::string>{}(r.id) ^ static_cast<std::size_t>(r.kind); },
           "Consistent with ==.")
      .def(py::self < py::self, "Ordered by kind, then id.")
      .def(py::pickle([](const EntityRef& r) { return py::make_tuple(r.kind, r.id); },
                      [](const py::tuple& state) {
                        return EntityRef(state[0].cast<EntityKind>(), state[1].cast<std::string>());
                      }));

  def_equality(currency_class, "Same code.");
  def_equality(money_class, "Same öre, currency and approximateness.");
  def_equality(period, "Same ends.");
  def_unhashable(period);
  def_equality(time_of_day, "Same time.");
  def_equality(entity_ref, "Same kind and id.");

  py::class_<Provenance> provenance(m, "Provenance", "Where a fact was read: the document and its line span.");
  bind_fields(provenance, "Provenance", {"document", "first_line", "last_line"},
              field{"document", &Provenance::document, "the source document"},
              field{"first_line", &Provenance::first_line, "first line, one-based (0 when unknown)"},
              field{"last_line", &Provenance::last_line, "last line, inclusive"});
}

}  // namespace samverkan_py
