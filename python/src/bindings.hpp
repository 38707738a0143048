// Shared by every binding translation unit: the type casters that make ids
// plain str and dates datetime.date, the helper that binds a record from one
// list of fields, and the per-area entry points called by module.cpp. The
// corpus locks and the callback guard are in guards.hpp.
#pragma once

#include "guards.hpp"

#include <samverkan/corpus.hpp>
#include <samverkan/io/archive.hpp>

#include <pybind11/operators.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

// datetime.h must come after Python.h, which pybind11 includes.
#include <datetime.h>

#include <array>
#include <concepts>
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

namespace py = pybind11;

// ---------------------------------------------------------------------------
// Type casters
// ---------------------------------------------------------------------------

namespace pybind11::detail {

// Ids are plain str in Python. The typed ids protect C++ callers from mixing
// kinds; in Python they would only add a wrapper to every DataFrame cell and
// dict key, and the kind is always clear from the field or method name.
template <samverkan::EntityKind K>
struct type_caster<samverkan::Id<K>> {
  PYBIND11_TYPE_CASTER(samverkan::Id<K>, const_name("str"));

  bool load(handle src, bool) {
    if (!src || !PyUnicode_Check(src.ptr())) return false;
    Py_ssize_t size = 0;
    const char* data = PyUnicode_AsUTF8AndSize(src.ptr(), &size);
    if (!data) {
      PyErr_Clear();
      return false;
    }
    value = samverkan::Id<K>(std::string_view(data, static_cast<std::size_t>(size)));
    return true;
  }

  static handle cast(const samverkan::Id<K>& id, return_value_policy, handle) {
    return PyUnicode_FromStringAndSize(id.str().data(), static_cast<Py_ssize_t>(id.str().size()));
  }
};

// std::chrono::year_month_day <-> datetime.date. pybind11/chrono.h covers
// time points and durations only. A datetime.datetime is refused rather than
// silently cut to its date.
template <>
struct type_caster<samverkan::Date> {
  PYBIND11_TYPE_CASTER(samverkan::Date, const_name("datetime.date"));

  static void ensure_api() {
    if (!PyDateTimeAPI) PyDateTime_IMPORT;
  }

  bool load(handle src, bool) {
    ensure_api();
    if (!src || !PyDate_Check(src.ptr()) || PyDateTime_Check(src.ptr())) return false;
    // PyDateTime_GET_YEAR and friends, without their C casts.
    const auto* date = reinterpret_cast<const PyDateTime_Date*>(src.ptr());
    const int year = (date->data[0] << 8) | date->data[1];
    value = std::chrono::year{year} / std::chrono::month{unsigned{date->data[2]}} / std::chrono::day{unsigned{date->data[3]}};
    return true;
  }

  static handle cast(const samverkan::Date& date, return_value_policy, handle) {
    ensure_api();
    if (!date.ok()) {
      PyErr_SetString(PyExc_ValueError, "samverkan: the date does not exist");
      return nullptr;
    }
    return PyDate_FromDate(static_cast<int>(date.year()), static_cast<int>(static_cast<unsigned>(date.month())),
                           static_cast<int>(static_cast<unsigned>(date.day())));
  }
};

}  // namespace pybind11::detail

namespace samverkan_py {

using namespace samverkan;

// ---------------------------------------------------------------------------
// Records from one list of fields
// ---------------------------------------------------------------------------

// One field of a record: Python name, member pointer, docstring. The same
// list gives the properties, the keyword constructor, repr and pickling, so
// a field added in C++ needs one line here to appear everywhere.
template <class T, class M>
struct field {
  const char* name;
  M T::*member;
  const char* doc;
};

template <class T, class M>
field(const char*, M T::*, const char*) -> field<T, M>;

// A bare Date member has no natural default (year 0 is not a date), so the
// constructor takes it as Optional and insists on it being given.
template <class M>
struct init_param {
  using type = M;
  static M take(M value, const char*) { return value; }
};
template <>
struct init_param<Date> {
  using type = std::optional<Date>;
  static Date take(std::optional<Date> value, const char* name) {
    if (!value) throw value_error(std::string(name) + " is required");
    return *value;
  }
};

// == and != against any object, as Python's data model (and the stubs'
// type checker) expect: a value of another type is simply not equal.
template <class T, class... Options>
void def_equality(py::class_<T, Options...>& cls, const char* doc) {
  cls.def(
      "__eq__", [](const T& self, const py::object& other) { return py::isinstance<T>(other) && self == other.cast<const T&>(); },
      py::arg("other"), doc);
  cls.def(
      "__ne__", [](const T& self, const py::object& other) { return !py::isinstance<T>(other) || !(self == other.cast<const T&>()); },
      py::arg("other"), doc);
}

// Mutable values compare by value, so they must not hash. pybind11 would set
// __hash__ to None, which type checkers reject in stubs; raising TypeError
// as Python's own unhashable types do says the same.
template <class T, class... Options>
void def_unhashable(py::class_<T, Options...>& cls) {
  cls.def(
      "__hash__",
      [](const py::object& self) -> py::ssize_t {
        throw py::type_error("unhashable type: '" + py::str(self.get_type().attr("__name__")).cast<std::string>() +
                             "' (mutable; compare with ==)");
      },
      "Raises TypeError: the value is mutable.");
}

template <class T, class M>
py::arg_v make_arg(const T& defaults, const field<T, M>& f) {
  if constexpr (std::is_same_v<M, Date>)
    return py::arg_v(f.name, py::none(), "None");
  else
    return py::arg_v(f.name, defaults.*(f.member));
}

template <class T, class... M>
void bind_fields(py::class_<T>& cls, const char* type_name, std::vector<std::string> essentials,
                 const field<T, M>&... fields) {
  (cls.def_property(
       fields.name, [member = fields.member](const T& self) { return self.*member; },
       [member = fields.member](T& self, M value) { self.*member = std::move(value); }, fields.doc),
   ...);

  const T defaults{};
  std::string init_doc = std::string("Makes a ") + type_name + "; every argument is keyword-capable.\n\nArgs:\n";
  ((init_doc += std::string("    ") + fields.name + ": " + fields.doc + "\n"), ...);

  auto members = std::make_tuple(fields.member...);
  std::array<const char*, sizeof...(M)> names{fields.name...};
  cls.def(py::init([members, names](typename init_param<M>::type... values) {
            T record{};
            std::size_t i = 0;
            std::apply(
                [&](auto... ptrs) { ((record.*ptrs = init_param<M>::take(std::move(values), names[i++])), ...); },
                members);
            return record;
          }),
          make_arg(defaults, fields)..., init_doc.c_str());

  cls.def(
      "__repr__",
      [type_name = std::string(type_name), essentials](const py::object& self) {
        std::string text = type_name + "(";
        bool first = true;
        for (const auto& name : essentials) {
          if (!first) text += ", ";
          first = false;
          text += name + "=" + py::repr(self.attr(name.c_str())).cast<std::string>();
        }
        return text + ")";
      },
      "The type and its essential fields.");

  if constexpr (std::equality_comparable<T>) {
    def_equality(cls, "Equal when every field is equal.");
    def_unhashable(cls);
  }

  if constexpr (corpus_record<T>) {
    // Top-level records pickle through the library's binary archive, like a
    // saved corpus.
    cls.def(py::pickle([](const T& self) { return py::make_tuple(py::bytes(to_bytes(self))); },
                       [](const py::tuple& state) {
                         if (state.size() != 1) throw value_error("pickled state of the wrong size");
                         return from_bytes<T>(state[0].template cast<std::string>());
                       }));
  } else {
    // Parts of records have no archive of their own; they pickle field by
    // field, each field being picklable itself.
    cls.def(py::pickle(
        [members](const T& self) {
          return std::apply(
              [&](auto... ptrs) { return py::make_tuple<py::return_value_policy::copy>(self.*ptrs...); }, members);
        },
        [members](const py::tuple& state) {
          if (state.size() != sizeof...(M)) throw value_error("pickled state of the wrong size");
          T record{};
          std::size_t index = 0;
          std::apply([&](auto... ptrs) { ((record.*ptrs = state[index++].template cast<M>()), ...); }, members);
          return record;
        }));
  }
}

// ---------------------------------------------------------------------------
// Vocabularies as Python enums
// ---------------------------------------------------------------------------

template <vocabulary E>
py::enum_<E> bind_vocabulary(py::module_& m, const char* name, const char* doc) {
  py::enum_<E> e(m, name, doc);
  for (E value : all_values<E>()) e.value(std::string(to_string(value)).c_str(), value);
  e.def(py::init([](std::string_view text) { return from_string<E>(text); }), py::arg("text"),
        "Reads the value from its English name, Swedish term or another accepted spelling.");
  e.def_static(
      "from_string", [](std::string_view text) { return from_string<E>(text); }, py::arg("text"),
      "Reads the value from its English name, Swedish term or another accepted spelling,\n"
      "ignoring case; raises ParseError naming the accepted values.");
  // Replaces pybind11's "Type.name" rather than adding an overload after it.
  e.attr("__str__") = py::cpp_function([](E value) { return std::string(to_string(value)); }, py::name("__str__"),
                                       py::is_method(e), "The canonical English name.");
  e.def_property_readonly(
      "swedish", [](E value) { return std::string(swedish_name(value)); }, "The Swedish term.");
  py::implicitly_convertible<py::str, E>();
  return e;
}

// ---------------------------------------------------------------------------
// Entry points, one per area, called in this order by module.cpp
// ---------------------------------------------------------------------------

void bind_errors(py::module_& m);
void bind_core(py::module_& m);
void bind_organisations(py::module_& m);
void bind_meetings(py::module_& m);
void bind_agreements(py::module_& m);
void bind_plans(py::module_& m);
void bind_corpus(py::module_& m);

// Tables for analysis (frames.cpp), used by Corpus's methods.
const std::vector<std::string>& frame_names();
/// One table; language "en" (English category names) or "sv" (Swedish terms).
py::object make_frame(const Corpus& corpus, const std::string& table, const std::string& language = "en");
/// What Corpus.to_frames() returns (Frames in Python): the tables by name,
/// each built the first time it is asked for and kept; holds the corpus alive.
struct LazyFrames {
  py::object corpus;
  std::string language;
  std::map<std::string, py::object> built;

  py::object get(const std::string& name);
  static bool known(const std::string& name);
};
/// Corpus.to_frames().
LazyFrames make_frames(const Corpus& corpus, const std::string& language = "en");
/// Binds Frames, what to_frames() returns.
void bind_frames(py::module_& m);

}  // namespace samverkan_py
