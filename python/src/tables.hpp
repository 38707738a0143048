// Tables built in C++ and handed to pandas whole: the column types, the
// three columns of an amount, and the conversion of each column to one NumPy
// array (or pandas extension array). Shared by corpus.to_frames()
// (frames.cpp) and the allocation results (allocation.cpp), so that both
// follow one set of column conventions. Internal to the bindings.
#pragma once

#include "bindings.hpp"

#include <pybind11/numpy.h>

#include <chrono>
#include <cstdint>
#include <deque>
#include <limits>
#include <optional>
#include <string>
#include <vector>

namespace samverkan_py {

enum class Kind { text, category, vocabulary, integer, nullable_integer, real, boolean, date, decimal };

struct Column {
  std::string name;
  Kind kind;
  std::vector<std::optional<std::string>> text;
  std::vector<std::int64_t> ints;
  std::vector<std::uint8_t> missing;
  std::vector<double> reals;
  std::vector<std::uint8_t> bools;
  std::vector<std::string> categories;

  void add(std::string value) { text.emplace_back(std::move(value)); }
  void add(std::optional<std::string> value) { text.push_back(std::move(value)); }
  template <EntityKind K>
  void add(const Id<K>& id) {
    text.emplace_back(id.str());
  }
  template <EntityKind K>
  void add(const std::optional<Id<K>>& id) {
    text.push_back(id ? std::optional<std::string>(id->str()) : std::nullopt);
  }
  template <vocabulary E>
  void add(E value) {
    text.emplace_back(std::string(to_string(value)));
  }
  void add_int(std::int64_t value) { ints.push_back(value); }
  void add_int(std::optional<std::int64_t> value) {
    ints.push_back(value.value_or(0));
    missing.push_back(value ? 0 : 1);
  }
  void add_real(double value) { reals.push_back(value); }
  void add_bool(bool value) { bools.push_back(value ? 1 : 0); }
  void add_date(const std::optional<Date>& date) {
    ints.push_back(date && date->ok() ? std::chrono::sys_days(*date).time_since_epoch().count()
                                      : std::numeric_limits<std::int64_t>::min());
  }
};

struct Table {
  std::deque<Column> columns;  // deque: references stay valid as columns are added

  Column& column(std::string name, Kind kind) { return columns.emplace_back(Column{std::move(name), kind, {}, {}, {}, {}, {}, {}}); }
  /// A categorical column with these categories, in this order.
  Column& column(std::string name, std::vector<std::string> categories) {
    Column& c = column(std::move(name), Kind::vocabulary);
    c.categories = std::move(categories);
    return c;
  }
  template <vocabulary E>
  Column& vocabulary_column(std::string name) {
    Column& c = column(std::move(name), Kind::vocabulary);
    for (E value : all_values<E>()) c.categories.emplace_back(to_string(value));
    return c;
  }
};

// The three columns of an amount: exact öre, exact kronor, currency.
struct MoneyColumns {
  Column& ore;
  Column& kr;
  Column& currency;

  MoneyColumns(Table& t, const std::string& prefix, bool nullable = false)
      : ore(t.column(prefix + "_ore", nullable ? Kind::nullable_integer : Kind::integer)),
        kr(t.column(prefix + "_kr", Kind::decimal)),
        currency(t.column(prefix + "_currency", Kind::category)) {}

  void add(const Money& m) {
    if (ore.kind == Kind::nullable_integer)
      ore.add_int(std::optional<std::int64_t>(m.ore()));
    else
      ore.add_int(m.ore());
    kr.add(m.decimal());
    currency.add(m.currency().code());
  }
  void add(const std::optional<Money>& m) {
    if (m) return add(*m);
    ore.add_int(std::optional<std::int64_t>());
    kr.add(std::optional<std::string>());
    currency.add(std::optional<std::string>());
  }
};

inline std::string joined(const std::vector<std::string>& parts) {
  std::string out;
  for (const auto& p : parts) {
    if (!out.empty()) out += "; ";
    out += p;
  }
  return out;
}

template <class Range, class F>
std::string joined(const Range& range, F&& text_of) {
  std::vector<std::string> parts;
  for (const auto& element : range) parts.push_back(text_of(element));
  return joined(parts);
}

struct python_modules {
  py::object pandas = py::module_::import("pandas");
  py::object categorical = pandas.attr("Categorical");
  py::object integer_array = pandas.attr("arrays").attr("IntegerArray");
  py::object data_frame = pandas.attr("DataFrame");
  py::object decimal = py::module_::import("decimal").attr("Decimal");
};

inline py::array object_array(const std::vector<std::optional<std::string>>& values, const py::object* convert) {
  py::array array(py::dtype("O"), std::vector<py::ssize_t>{static_cast<py::ssize_t>(values.size())});
  auto** cells = static_cast<PyObject**>(array.mutable_data());
  for (std::size_t i = 0; i < values.size(); ++i) {
    py::object cell = py::none();
    if (values[i]) {
      cell = py::str(*values[i]);
      if (convert) cell = (*convert)(cell);
    }
    Py_XDECREF(cells[i]);
    cells[i] = cell.release().ptr();
  }
  return array;
}

template <class T, class Source>
py::array_t<T> numeric_array(const std::vector<Source>& values) {
  py::array_t<T> array(static_cast<py::ssize_t>(values.size()));
  T* out = array.mutable_data();
  for (std::size_t i = 0; i < values.size(); ++i) out[i] = static_cast<T>(values[i]);
  return array;
}

inline py::object to_pandas(const Column& c, const python_modules& py_) {
  switch (c.kind) {
    case Kind::text: return object_array(c.text, nullptr);
    case Kind::category: return py_.categorical(object_array(c.text, nullptr));
    case Kind::vocabulary:
      return py_.categorical(object_array(c.text, nullptr), py::arg("categories") = c.categories);
    case Kind::integer: return numeric_array<std::int64_t>(c.ints);
    case Kind::nullable_integer:
      return py_.integer_array(numeric_array<std::int64_t>(c.ints), numeric_array<bool>(c.missing));
    case Kind::real: return numeric_array<double>(c.reals);
    case Kind::boolean: return numeric_array<bool>(c.bools);
    case Kind::date:
      return numeric_array<std::int64_t>(c.ints).attr("view")("datetime64[D]").attr("astype")("datetime64[ns]");
    case Kind::decimal: return object_array(c.text, &py_.decimal);
  }
  return py::none();
}

inline py::object to_data_frame(const Table& table, const python_modules& py_) {
  py::dict columns;
  py::list names;
  for (const Column& c : table.columns) {
    columns[py::str(c.name)] = to_pandas(c, py_);
    names.append(c.name);
  }
  return py_.data_frame(columns, py::arg("columns") = names);
}

}  // namespace samverkan_py
