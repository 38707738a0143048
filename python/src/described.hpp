// Records bound from their field descriptions (include/samverkan/io/fields.hpp).
// Only the binding units of persisted records include this, so the others do
// not compile the descriptions.
#pragma once

#include "bindings.hpp"

#include <samverkan/io/fields.hpp>
#include <samverkan/io/schema.hpp>

#include <algorithm>
#include <array>
#include <map>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

namespace samverkan_py {

// The Python name of a described field: a Python keyword gets a trailing
// underscore (RequisitionRule.from_). pybind11 keeps the pointers it is
// given for argument names, so renamed ones live as long as the module.
inline const char* python_name(std::string_view name) {
  static constexpr std::array<std::string_view, 12> keywords{"from", "in",  "is",     "and",  "or",   "not",
                                                             "def",  "for", "global", "with", "pass", "class"};
  if (std::find(keywords.begin(), keywords.end(), name) == keywords.end()) return name.data();  // a literal
  static std::map<std::string_view, std::string> renamed;
  return renamed.try_emplace(name, std::string(name) + "_").first->second.c_str();
}

// A persisted record or part of one, bound from its description: a field
// described there is a Python property, a keyword of the constructor and part
// of the pickled state of a part without a line here. `essentials` are the
// fields repr shows.
template <described T>
void bind_described(py::class_<T>& cls, std::vector<std::string> essentials) {
  std::apply(
      [&](const auto&... described_field) {
        bind_fields(cls, schema<T>::name.data(), std::move(essentials),
                    field{python_name(described_field.name), described_field.member, described_field.doc}...);
      },
      description<T>::fields);
}

}  // namespace samverkan_py
