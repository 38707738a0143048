// A test's way into Corpus::merge: a merge fails only when memory runs out,
// which a test cannot arrange, so the undo that keeps a failed merge from
// changing the corpus is checked by making a merge throw on purpose.
#pragma once

#include <samverkan/core/enum.hpp>

#include <cstddef>

SAMVERKAN_BEGIN_NAMESPACE
namespace detail {
/// When not 0, the next merges on this thread throw std::runtime_error after
/// this many changes to the corpus (counting down across merges).
extern thread_local std::size_t merge_fail_after_changes;
}  // namespace detail
SAMVERKAN_END_NAMESPACE
