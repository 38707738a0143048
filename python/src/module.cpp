// The compiled module samverkan._core, and the one place where C++ errors
// become Python exceptions.
#include "bindings.hpp"

#include <exception>

namespace samverkan_py {

// query.cpp; declared here rather than in bindings.hpp so that the query
// headers stay out of every other translation unit.
void bind_queries(py::module_& m);
// allocation.cpp, declared here for the same reason: the allocation headers
// are needed by that file alone.
void bind_allocation(py::module_& m);
// importer.cpp
void bind_importer(py::module_& m);
// standards.cpp: OParl, Popolo, OCDS
void bind_standards(py::module_& m);

namespace {

// Owned by the module; the translator only borrows them. Leaked on purpose:
// a translator may run during interpreter shutdown, after module globals are
// cleared, and must still find its classes.
struct exception_classes {
  PyObject* error = nullptr;
  PyObject* data_error = nullptr;
  PyObject* parse_error = nullptr;
  PyObject* currency_mismatch = nullptr;
  PyObject* overflow = nullptr;
  PyObject* duplicate_id = nullptr;
  PyObject* not_found = nullptr;
  PyObject* file_error = nullptr;
  PyObject* corrupt_file = nullptr;
  PyObject* schema_version = nullptr;
};

exception_classes& classes() {
  static exception_classes instance;
  return instance;
}

PyObject* make_class(py::module_& m, const char* name, const char* doc, std::initializer_list<PyObject*> bases) {
  py::tuple base_tuple(bases.size());
  std::size_t i = 0;
  for (PyObject* base : bases) base_tuple[i++] = py::reinterpret_borrow<py::object>(base);
  const std::string qualified = std::string("samverkan._core.") + name;
  PyObject* cls = PyErr_NewExceptionWithDoc(qualified.c_str(), doc, base_tuple.ptr(), nullptr);
  if (!cls) throw py::error_already_set();
  m.attr(name) = py::reinterpret_borrow<py::object>(cls);
  return cls;
}

}  // namespace

void bind_errors(py::module_& m) {
  auto& c = classes();
  c.error = make_class(m, "Error", "Base of every exception samverkan raises.", {PyExc_Exception});
  c.data_error = make_class(m, "DataError", "A value given by the caller or read from a file is not valid.",
                            {c.error, PyExc_ValueError});
  c.parse_error =
      make_class(m, "ParseError", "Text could not be read as what it should be (a date, an amount, a vocabulary).",
                 {c.data_error});
  c.currency_mismatch =
      make_class(m, "CurrencyMismatchError", "Two amounts in different currencies were combined.", {c.data_error});
  c.overflow = make_class(m, "AmountOverflowError",
                          "An exact computation (money in öre) would not fit in 64 bits.",
                          {c.data_error, PyExc_OverflowError});
  c.duplicate_id =
      make_class(m, "DuplicateIdError", "A record was added under an id the corpus already holds.", {c.data_error});
  c.not_found = make_class(m, "NotFoundError", "An id the corpus does not hold was looked up, updated or removed.",
                           {c.error, PyExc_KeyError});
  c.file_error = make_class(m, "FileError", "A file could not be read or written.", {c.error, PyExc_OSError});
  c.corrupt_file = make_class(m, "CorruptFileError",
                              "A file is damaged: truncated, altered, or not a samverkan file.", {c.file_error});
  c.schema_version = make_class(m, "SchemaVersionError", "A file was written by a newer samverkan.", {c.file_error});

  // Most derived first: every samverkan exception also matches its bases.
  py::register_exception_translator([](std::exception_ptr pending) {
    if (!pending) return;
    const auto& k = classes();
    try {
      std::rethrow_exception(pending);
    } catch (const samverkan::parse_error& e) {
      PyErr_SetString(k.parse_error, e.what());
    } catch (const samverkan::currency_mismatch_error& e) {
      PyErr_SetString(k.currency_mismatch, e.what());
    } catch (const samverkan::overflow_error& e) {
      PyErr_SetString(k.overflow, e.what());
    } catch (const samverkan::duplicate_id_error& e) {
      PyErr_SetString(k.duplicate_id, e.what());
    } catch (const samverkan::value_error& e) {
      PyErr_SetString(k.data_error, e.what());
    } catch (const samverkan::not_found_error& e) {
      PyErr_SetString(k.not_found, e.what());
    } catch (const samverkan::corrupt_file_error& e) {
      PyErr_SetString(k.corrupt_file, e.what());
    } catch (const samverkan::schema_version_error& e) {
      PyErr_SetString(k.schema_version, e.what());
    } catch (const samverkan::io_error& e) {
      PyErr_SetString(k.file_error, e.what());
    } catch (const samverkan::error& e) {
      PyErr_SetString(k.error, e.what());
    } catch (const callback_recursion_error& e) {
      PyErr_SetString(PyExc_RecursionError, e.what());
    }
  });
}

namespace {

// ---------------------------------------------------------------------------
// Pickling with every protocol
// ---------------------------------------------------------------------------
//
// py::pickle gives __getstate__ and __setstate__, which pickle uses from
// protocol 2 on. Protocols 0 and 1, copy and __reduce__() itself go through
// copyreg._reduce_ex, which calls pybind11's common base class to make a
// "base" object; pybind11 cannot make an instance of that class and threw a
// C++ exception through CPython, which aborted the process. Two remedies:
// every class gets a __reduce__ (below), so that all protocols use the same
// reconstruction protocol 2 uses (copyreg.__newobj__, then __setstate__),
// and the base class refuses to be instantiated with a TypeError instead of
// aborting (refuse_bare_instances), whatever else reaches it.

py::tuple reduce_with_state(const py::object& self) {
  // Leaked on purpose, like the exception classes: no decref after finalisation.
  static PyObject* const newobj = py::object(py::module_::import("copyreg").attr("__newobj__")).release().ptr();
  return py::make_tuple(py::handle(newobj), py::make_tuple(py::type::of(self)), self.attr("__getstate__")());
}

py::tuple refuse_to_reduce(const py::object& self) {
  throw py::type_error("cannot pickle '" + py::str(py::type::of(self).attr("__qualname__")).cast<std::string>() +
                       "' object: it holds a Python function or is not a value");
}

// Every pybind11 class of the module: the ones with __setstate__ (py::pickle,
// and enums) reduce to their state, the others refuse with a TypeError, as
// they did with protocol 2 and later.
void def_reduce(py::module_& m) {
  for (const auto& item : py::reinterpret_borrow<py::dict>(m.attr("__dict__"))) {
    const py::handle value = item.second;
    if (!PyType_Check(value.ptr())) continue;
    auto* type = reinterpret_cast<PyTypeObject*>(value.ptr());
    if (py::detail::get_type_info(type) == nullptr) continue;  // the exception classes
    const py::object cls = py::reinterpret_borrow<py::object>(value);
    const py::dict own = py::reinterpret_borrow<py::dict>(type->tp_dict);  // not the mappingproxy __dict__
    if (own.contains("__reduce__")) continue;
    const bool picklable = own.contains("__setstate__");
    cls.attr("__reduce__") = py::cpp_function(
        picklable ? &reduce_with_state : &refuse_to_reduce, py::name("__reduce__"), py::is_method(cls),
        picklable ? "Reconstruction data for pickle (every protocol) and copy: the class and __getstate__()."
                  : "Raises TypeError: the object cannot be pickled or copied.");
  }
}

// pybind11's base class of every bound class, shared by every pybind11
// module in the process. Its tp_new (pybind11_object_new) throws a C++
// exception, which CPython cannot catch, when the type has no bound C++
// class among its bases, e.g. the base itself; refuse such types first.
newfunc pybind11_new = nullptr;

extern "C" PyObject* checked_new(PyTypeObject* type, PyObject* args, PyObject* kwargs) {
  if (py::detail::all_type_info(type).empty()) {
    PyErr_Format(PyExc_TypeError, "cannot create '%s' instances: it is not a bound C++ class", type->tp_name);
    return nullptr;
  }
  return pybind11_new(type, args, kwargs);
}

// Every class below the base inherited its tp_new when it was made; CPython
// refuses cls.__new__(cls) when a class and the base disagree, so they all
// change with it (classes made later inherit the checked one).
void check_new_below(const py::handle& type) {
  auto* t = reinterpret_cast<PyTypeObject*>(type.ptr());
  if (t->tp_new == pybind11_new) t->tp_new = &checked_new;
  for (const py::handle sub : type.attr("__subclasses__")()) check_new_below(sub);
}

void refuse_bare_instances() {
  auto* base = reinterpret_cast<PyTypeObject*>(py::detail::get_internals().instance_base);
  if (base->tp_new == &checked_new) return;
  pybind11_new = base->tp_new;
  check_new_below(py::handle(reinterpret_cast<PyObject*>(base)));
}

}  // namespace

}  // namespace samverkan_py

PYBIND11_MODULE(_core, m) {
  using namespace samverkan_py;
  m.doc() =
      "The compiled core of samverkan. Import samverkan instead; this module's\n"
      "contents are re-exported there.";
  m.def(
      "version", [] { return std::string(samverkan::version()); },
      "The version of the C++ library, e.g. \"0.1.0\"; samverkan.__version__ equals it.");
  bind_errors(m);
  bind_core(m);
  bind_organisations(m);
  bind_meetings(m);
  bind_agreements(m);
  bind_plans(m);
  bind_corpus(m);
  bind_queries(m);
  bind_allocation(m);
  bind_importer(m);
  bind_standards(m);
  def_reduce(m);
  refuse_bare_instances();
}
