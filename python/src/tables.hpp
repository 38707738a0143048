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
#include <string_view>
#include <unordered_map>
#include <vector>

namespace samverkan_py {

enum class Kind { text, category, vocabulary, integer, nullable_integer, real, boolean, date, decimal };

/// Distinct strings, each stored once, numbered in the order first seen.
/// Columns keep a code per cell into one of these, so a value repeated in a
/// million cells is copied (and later made a Python object) once.
class string_pool {
 public:
  std::int32_t code(std::string_view value) {
    if (const auto it = codes_.find(value); it != codes_.end()) return it->second;
    const auto code = static_cast<std::int32_t>(values_.size());
    const std::string& stored = values_.emplace_back(value);  // a deque: earlier elements stay put
    codes_.emplace(std::string_view(stored), code);
    return code;
  }
  const std::deque<std::string>& values() const noexcept { return values_; }

 private:
  std::deque<std::string> values_;
  std::unordered_map<std::string_view, std::int32_t> codes_;
};

/// One column being built: text-like cells as codes into a pool (-1 for
/// missing), numbers, dates and flags as plain arrays.
struct Column {
  std::string name;
  Kind kind;
  std::vector<std::int32_t> codes;
  string_pool pool;
  std::vector<std::int64_t> ints;
  std::vector<std::uint8_t> missing;
  std::vector<double> reals;
  std::vector<std::uint8_t> bools;
  /// The fixed categories of a vocabulary column, in order.
  std::vector<std::string> categories;

  Column(std::string n, Kind k) : name(std::move(n)), kind(k) {}

  void add(std::string_view value) {
    codes.push_back(kind == Kind::vocabulary ? category_code(value) : pool.code(value));
  }
  void add(const std::string& value) { add(std::string_view(value)); }
  void add(const char* value) { add(std::string_view(value)); }
  void add(const std::optional<std::string>& value) {
    if (value) return add(std::string_view(*value));
    codes.push_back(-1);
  }
  template <EntityKind K>
  void add(const Id<K>& id) {
    add(std::string_view(id.str()));
  }
  template <EntityKind K>
  void add(const std::optional<Id<K>>& id) {
    if (id) return add(std::string_view(id->str()));
    codes.push_back(-1);
  }
  /// A missing cell: None in an object column, NaN in a categorical.
  void add_missing() { codes.push_back(-1); }
  template <vocabulary E>
  void add(E value) {
    // The categories are all_values<E>() in order (vocabulary_column), so
    // the code is the value's position there: no text per cell.
    std::int32_t code = 0;
    for (E v : all_values<E>()) {
      if (v == value) break;
      ++code;
    }
    codes.push_back(code);
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

 private:
  std::int32_t category_code(std::string_view value) const {
    for (std::size_t i = 0; i < categories.size(); ++i)
      if (categories[i] == value) return static_cast<std::int32_t>(i);
    return -1;  // not one of the categories: missing, as pandas would make it
  }
};

struct Table {
  std::deque<Column> columns;  // deque: references stay valid as columns are added
  /// Vocabulary values as their Swedish terms (language="sv") instead of
  /// their English names; set before the columns are made.
  bool swedish = false;

  Table() = default;
  explicit Table(bool in_swedish) : swedish(in_swedish) {}

  /// A vocabulary value as this table labels it.
  template <vocabulary E>
  std::string label(E value) const {
    return std::string(swedish ? swedish_name(value) : to_string(value));
  }

  Column& column(std::string name, Kind kind) { return columns.emplace_back(std::move(name), kind); }
  /// A categorical column with these categories, in this order.
  Column& column(std::string name, std::vector<std::string> categories) {
    Column& c = column(std::move(name), Kind::vocabulary);
    c.categories = std::move(categories);
    return c;
  }
  template <vocabulary E>
  Column& vocabulary_column(std::string name) {
    Column& c = column(std::move(name), Kind::vocabulary);
    for (E value : all_values<E>()) c.categories.push_back(label(value));
    return c;
  }
};

// The four columns of an amount: exact öre (int64, Int64 when it may be
// missing), kronor as float64 for plotting and sums (NaN when missing),
// exact kronor as decimal.Decimal, and the currency.
struct MoneyColumns {
  Column& ore;
  Column& kr;
  Column& kr_exact;
  Column& currency;

  MoneyColumns(Table& t, const std::string& prefix, bool nullable = false)
      : ore(t.column(prefix + "_ore", nullable ? Kind::nullable_integer : Kind::integer)),
        kr(t.column(prefix + "_kr", Kind::real)),
        kr_exact(t.column(prefix + "_kr_exact", Kind::decimal)),
        currency(t.column(prefix + "_currency", Kind::category)) {}

  void add(const Money& m) {
    if (ore.kind == Kind::nullable_integer)
      ore.add_int(std::optional<std::int64_t>(m.ore()));
    else
      ore.add_int(m.ore());
    kr.add_real(static_cast<double>(m.ore()) / 100.0);
    kr_exact.add(m.decimal());
    currency.add(m.currency().code());
  }
  void add(const std::optional<Money>& m) {
    if (m) return add(*m);
    ore.add_int(std::optional<std::int64_t>());
    kr.add_real(std::numeric_limits<double>::quiet_NaN());
    kr_exact.add(std::optional<std::string>());
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

// One Python object per distinct value; `convert` (Decimal) applied to each.
inline std::vector<py::object> pool_objects(const string_pool& pool, const py::object* convert) {
  std::vector<py::object> objects;
  objects.reserve(pool.values().size());
  for (const std::string& value : pool.values()) {
    py::object cell = py::reinterpret_steal<py::object>(
        PyUnicode_DecodeUTF8(value.data(), static_cast<py::ssize_t>(value.size()), nullptr));
    if (!cell) throw py::error_already_set();
    if (convert) cell = (*convert)(cell);
    objects.push_back(std::move(cell));
  }
  return objects;
}

// An object column whose cells share the objects of equal values.
inline py::array object_array(const Column& c, const py::object* convert) {
  const std::vector<py::object> objects = pool_objects(c.pool, convert);
  py::array array(py::dtype("O"), std::vector<py::ssize_t>{static_cast<py::ssize_t>(c.codes.size())});
  auto** cells = static_cast<PyObject**>(array.mutable_data());
  for (std::size_t i = 0; i < c.codes.size(); ++i) {
    PyObject* cell = c.codes[i] < 0 ? Py_None : objects[static_cast<std::size_t>(c.codes[i])].ptr();
    Py_INCREF(cell);
    Py_XDECREF(cells[i]);
    cells[i] = cell;
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

// Days since the epoch to datetime64[ns], filled directly (NaT stays NaT).
inline py::object date_array(const std::vector<std::int64_t>& days) {
  constexpr std::int64_t ns_per_day = 86'400'000'000'000;
  py::array_t<std::int64_t> array(static_cast<py::ssize_t>(days.size()));
  std::int64_t* out = array.mutable_data();
  for (std::size_t i = 0; i < days.size(); ++i)
    out[i] = days[i] == std::numeric_limits<std::int64_t>::min() ? days[i] : days[i] * ns_per_day;
  return array.attr("view")("datetime64[ns]");
}

// A pandas Categorical from the codes and one list of categories.
inline py::object categorical(const python_modules& py_, const std::vector<std::int32_t>& codes, py::list categories) {
  return py_.categorical.attr("from_codes")(numeric_array<std::int32_t>(codes), py::arg("categories") = categories);
}

inline py::object to_pandas(const Column& c, const python_modules& py_) {
  switch (c.kind) {
    case Kind::text: return object_array(c, nullptr);
    case Kind::category: {
      py::list categories;
      for (py::object& o : pool_objects(c.pool, nullptr)) categories.append(std::move(o));
      return categorical(py_, c.codes, categories);
    }
    case Kind::vocabulary: {
      py::list categories;
      for (const std::string& name : c.categories) categories.append(py::str(name));
      return categorical(py_, c.codes, categories);
    }
    case Kind::integer: return numeric_array<std::int64_t>(c.ints);
    case Kind::nullable_integer:
      return py_.integer_array(numeric_array<std::int64_t>(c.ints), numeric_array<bool>(c.missing));
    case Kind::real: return numeric_array<double>(c.reals);
    case Kind::boolean: return numeric_array<bool>(c.bools);
    case Kind::date: return date_array(c.ints);
    case Kind::decimal: return object_array(c, &py_.decimal);
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
