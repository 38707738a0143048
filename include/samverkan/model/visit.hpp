// The one mechanism that knows where a record points at other records.
// Validation (dangling references), the corpus's reverse indexes and merge
// (id remapping) are all written against visit_references, so a new link
// added to a type is checked, indexed and remapped once it is visited here.
#pragma once

#include <samverkan/core/ids.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

SAMVERKAN_BEGIN_NAMESPACE

namespace detail {

/// "attendance[3].person" without building the string unless it is needed.
inline std::string field_path(std::string_view prefix, std::size_t index, std::string_view suffix) {
  std::string path(prefix);
  path += '[';
  path += std::to_string(index);
  path += ']';
  path += suffix;
  return path;
}

template <class V, class IdT, class P>
void visit_optional(std::optional<IdT>& id, V& visit, P&& path) {
  if (id) visit(*id, path);
}
template <class V, class IdT, class P>
void visit_optional(const std::optional<IdT>& id, V& visit, P&& path) {
  if (id) visit(*id, path);
}

/// Visits every id of a vector<Id>, naming each element "prefix[i]".
template <class V, class Vec>
void visit_each(Vec& ids, V& visit, std::string_view prefix) {
  for (std::size_t i = 0; i < ids.size(); ++i) visit(ids[i], [&] { return field_path(prefix, i, ""); });
}

template <class R, class T>
concept record_of = std::is_same_v<std::remove_const_t<R>, T>;

}  // namespace detail

SAMVERKAN_END_NAMESPACE
